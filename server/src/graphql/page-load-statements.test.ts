import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { findRepoRoot } from '../config/app-config.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { inviteTestDeputy, pickDeputy } from '../test-support/deputy-users.js';

/**
 * Every operation the dashboard sends when a page loads, read from the dashboard's own .graphql files
 * and sent as the role that sends it, against the seed data: each costs at most one data statement per
 * nesting level plus one (issue #19), and answers something, so the bound cannot pass on an empty answer.
 */

const FEATURES = join(findRepoRoot(), 'dashboard', 'src', 'features');

function operation(file: string): string {
  const text = readFileSync(join(FEATURES, file), 'utf8');
  return text.includes('...SummaryFields')
    ? `${text}\n${readFileSync(join(FEATURES, 'township/operations/summary-fields.graphql'), 'utf8')}`
    : text;
}

/** Connection wrappers: a list's `nodes { … }` is the list's own level, not one more. */
const WRAPPERS = new Set(['nodes', 'edges', 'node', 'pageInfo']);

/**
 * Object levels on the longest path, fragments spread in: a field with a selection set is a level (a
 * connection's wrappers are not), a leaf is none, so `county { name }` is 1 and `townships { nodes {
 * deputies { nodes { id } } } }` is 2. The benchmark's table counts by the same rule
 * (bench/src/pages/dashboard-documents.ts), so the test and the table cannot disagree.
 */
export function nestingDepth(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // A leaf (no selection set) adds no level.
        if (!selection.selectionSet) continue;
        const inner = depth(selection.selectionSet);
        deepest = Math.max(deepest, WRAPPERS.has(selection.name.value) ? inner : inner + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depth(selection.selectionSet));
      else deepest = Math.max(deepest, depth(fragments.get(selection.name.value)?.selectionSet));
    }
    return deepest;
  };
  return Math.max(
    ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? depth(d.selectionSet) : 0)),
  );
}

type Data = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  value && typeof value === 'object' ? (value as Data)[name] : undefined;

interface PageLoad {
  name: string;
  file: string;
  as: string;
  variables: () => Data;
  /** What the page needs to show anything: fails on an empty answer. */
  answered: (data: Data) => boolean;
}

interface Seeded {
  countyId: string;
  townshipId: string;
  termId: string;
  reportId: string;
  year: number;
  quarter: number;
  deputyId: string;
  metricKeys: string[];
}

describe('page-load operations cost at most nesting depth + 1 statements (issue #19)', () => {
  let t: TestServer;
  const seeded = {} as Seeded;
  let seededClerk = '';

  beforeAll(async () => {
    t = await startTestServer();
    Object.assign(
      seeded,
      await withDatabaseClient(t.database.url, async (client) => {
        const one = async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as R;
        const township = await one<{ id: string; county_id: string }>(
          `select id, county_id from township where code = 'QUNLI'`,
        );
        // The township's latest report with values (the seed's reports carry no revisions).
        const report = await one<{ id: string; year: number; quarter: number }>(
          `select r.id, r.year, r.quarter from quarterly_report r where r.township_id = $1
              and exists (select 1 from quarterly_report_value v where v.county_id = r.county_id and v.report_id = r.id)
            order by r.year desc, r.quarter desc limit 1`,
          [township.id],
        );
        const metrics = await client.query<{ key: string }>(
          `select key from metric_definition where kind = 'COUNT' and county_id is null order by key limit 2`,
        );
        const term = await one<{ id: string }>(
          `select id from term where township_id = $1 order by ordinal desc limit 1`,
          [township.id],
        );
        const staff = await one<{ id: string }>(`select id from app_user where login = 'demo.staff'`);
        // A reminder and a shared query, so the notification list and the explorer have rows to show.
        await client.query(
          `insert into notification (id, township_id, county_id, kind, year, quarter, due_at, sent_by)
           values (gen_random_uuid(), $1, $2, 'REPORT_REMINDER', $3, $4, now(), $5)`,
          [township.id, township.county_id, report.year, report.quarter, staff.id],
        );
        const analyst = await one<{ id: string }>(`select id from app_user where login = 'demo.analyst'`);
        await client.query(
          `insert into saved_query (id, county_id, owner_id, name, query) values (gen_random_uuid(), $1, $2, '乡镇列表', '{ townships { totalCount } }')`,
          [township.county_id, analyst.id],
        );
        return {
          countyId: township.county_id,
          townshipId: township.id,
          termId: term.id,
          reportId: report.id,
          year: report.year,
          quarter: report.quarter,
          metricKeys: metrics.rows.map((m) => m.key),
        };
      }),
    );
    seededClerk = await withDatabaseClient(t.database.url, async (client) => {
      const { rows } = await client.query<{ login: string }>(
        `select login from app_user where township_id = $1 and role = 'TOWNSHIP_CLERK' order by login limit 1`,
        [seeded.townshipId],
      );
      return rows[0]!.login;
    });
    const deputy = await pickDeputy(t.database.url, 'QUNLI');
    await inviteTestDeputy(t, 'qunli.clerk', 'page.load.deputy', deputy.deputyId);
    seeded.deputyId = deputy.deputyId;
  });
  afterAll(() => t.stop());

  const quarterDates = () => {
    const month = (seeded.quarter - 1) * 3 + 1;
    const from = `${seeded.year}-${String(month).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(seeded.year, month + 2, 0)).toISOString().slice(0, 10);
    return { from, to: end };
  };

  const pageLoads: PageLoad[] = [
    {
      name: 'CountyName',
      file: 'county/operations/county-name.graphql',
      as: 'demo.staff',
      variables: () => ({ countyId: seeded.countyId }),
      answered: (d) => typeof field(d['county'], 'name') === 'string',
    },
    {
      name: 'LandingPeriods',
      file: 'county/operations/landing-periods.graphql',
      as: 'demo.staff',
      variables: () => ({}),
      answered: (d) => typeof field(d['landingPeriods'], 'reportingYear') === 'number',
    },
    {
      name: 'MetricCatalog',
      file: 'county/operations/metric-catalog.graphql',
      as: 'demo.staff',
      variables: () => ({ countyId: seeded.countyId }),
      answered: (d) => list(d['metricDefinitions']).length > 10,
    },
    {
      name: 'TownshipList',
      file: 'township/operations/township-list.graphql',
      as: 'demo.staff',
      variables: () => ({}),
      answered: (d) => list(field(d['townships'], 'nodes')).length === 5,
    },
    {
      name: 'CountyHeadline',
      file: 'county/operations/county-headline.graphql',
      as: 'demo.staff',
      variables: () => ({ countyId: seeded.countyId, year: seeded.year }),
      answered: (d) =>
        typeof field(d['reportingStatus'], 'due') === 'number' && list(field(d['completion'], 'points')).length > 0,
    },
    {
      name: 'CompareTownships',
      file: 'county/operations/compare-townships.graphql',
      as: 'demo.staff',
      variables: () => ({
        countyId: seeded.countyId,
        metricKeys: seeded.metricKeys,
        periods: [{ year: seeded.year, quarter: seeded.quarter }],
        normalize: 'NONE',
      }),
      answered: (d) => list(field(d['compareTownships'], 'cells')).length === 10,
    },
    {
      name: 'MetricTrend',
      file: 'county/operations/metric-trend.graphql',
      as: 'demo.staff',
      variables: () => ({
        countyId: seeded.countyId,
        metricKey: seeded.metricKeys[0],
        fromYear: seeded.year - 1,
        toYear: seeded.year,
        townshipId: null,
      }),
      answered: (d) => list(field(d['metricTrend'], 'points')).length === 8,
    },
    {
      name: 'ReportingStatus',
      file: 'reports/operations/reporting-status.graphql',
      as: 'demo.staff',
      variables: () => ({ countyId: seeded.countyId, year: seeded.year }),
      answered: (d) =>
        list(field(d['reportingStatus'], 'cells')).some((c) => field(c, 'reportId') !== null) &&
        list(field(d['townships'], 'nodes')).length === 5,
    },
    {
      name: 'ReminderStatus',
      file: 'reports/operations/reminder-status.graphql',
      as: 'demo.staff',
      variables: () => ({ year: seeded.year }),
      answered: (d) => list(d['reminderStatus']).length === 1,
    },
    {
      name: 'TownshipOverview',
      file: 'township/operations/township-overview.graphql',
      as: 'demo.staff',
      variables: () => ({ id: seeded.townshipId }),
      answered: (d) => {
        const township = d['township'];
        return (
          typeof field(field(township, 'county'), 'name') === 'string' &&
          list(field(field(township, 'deputies'), 'nodes')).length > 0 &&
          list(field(township, 'quarterlyReports')).some((r) => list(field(r, 'values')).length > 0) &&
          list(field(township, 'terms')).length > 0
        );
      },
    },
    {
      name: 'TownshipActivities',
      file: 'township/operations/township-activities.graphql',
      as: 'demo.staff',
      variables: () => ({
        townshipId: seeded.townshipId,
        from: `${seeded.year - 1}-01-01`,
        to: `${seeded.year}-12-31`,
      }),
      answered: (d) => list(field(d['activities'], 'nodes')).length > 0,
    },
    {
      name: 'AnnualSummary',
      file: 'township/operations/annual-summary.graphql',
      as: 'demo.staff',
      variables: () => ({ townshipId: seeded.townshipId, year: seeded.year, includeSynthetic: true }),
      answered: (d) => list(field(d['annualSummary'], 'figures')).length > 0,
    },
    {
      name: 'TermSummary',
      file: 'township/operations/term-summary.graphql',
      as: 'demo.staff',
      variables: () => ({ townshipId: seeded.townshipId, termId: seeded.termId, includeSynthetic: true }),
      answered: (d) => typeof field(d['termSummary'], 'paragraphZh') === 'string',
    },
    {
      name: 'PreviousQuarterReport',
      file: 'reports/operations/previous-quarter-report.graphql',
      as: 'demo.staff',
      variables: () => ({ townshipId: seeded.townshipId, year: seeded.year, quarter: seeded.quarter }),
      answered: (d) => list(field(list(field(d['quarterlyReports'], 'nodes'))[0], 'values')).length > 0,
    },
    {
      name: 'QuarterlyReportHistory',
      file: 'reports/operations/quarterly-report-history.graphql',
      as: 'demo.staff',
      variables: () => ({ id: seeded.reportId }),
      answered: (d) => field(d['quarterlyReport'], 'id') === seeded.reportId,
    },
    {
      name: 'ClerkHome',
      file: 'clerk/operations/clerk-home.graphql',
      as: 'clerk',
      variables: () => ({
        townshipId: seeded.townshipId,
        year: seeded.year,
        quarter: seeded.quarter,
        ...quarterDates(),
      }),
      answered: (d) =>
        typeof field(d['quarterlyReportDraft'], 'deadline') === 'string' &&
        list(field(d['township'], 'quarterlyReports')).length > 0,
    },
    {
      name: 'QuarterlyReportDraft',
      file: 'reports/operations/quarterly-report-draft.graphql',
      as: 'clerk',
      variables: () => ({ year: seeded.year, quarter: seeded.quarter }),
      answered: (d) => list(field(d['quarterlyReportDraft'], 'values')).length > 0,
    },
    {
      name: 'Notifications',
      file: 'notifications/operations/notifications.graphql',
      as: 'clerk',
      variables: () => ({ first: 20 }),
      answered: (d) =>
        list(field(d['notifications'], 'nodes')).length === 1 && field(d['notifications'], 'unreadCount') === 1,
    },
    {
      name: 'SavedQueries',
      file: 'explorer/operations/saved-queries.graphql',
      as: 'demo.analyst',
      variables: () => ({}),
      answered: (d) => list(d['savedQueries']).length === 1,
    },
    {
      name: 'DataDictionary',
      file: 'explorer/operations/data-dictionary.graphql',
      as: 'demo.analyst',
      variables: () => ({}),
      answered: (d) => list(d['dataDictionary']).length > 10,
    },
    {
      name: 'DeputyHome',
      file: 'deputy/operations/deputy-home.graphql',
      as: 'page.load.deputy',
      variables: () => ({ id: seeded.deputyId }),
      answered: (d) =>
        typeof field(field(d['deputy'], 'township'), 'name') === 'string' &&
        list(field(field(d['deputy'], 'suggestions'), 'nodes')).length > 0,
    },
  ];

  it('the depth counts object levels on the longest path, fragments included, wrappers and leaves not', () => {
    expect(nestingDepth(parse('{ county(id: 1) { name } }'))).toBe(1);
    expect(nestingDepth(parse('{ townships { nodes { deputies { nodes { id } } } } }'))).toBe(2);
    expect(nestingDepth(parse(operation('township/operations/annual-summary.graphql')))).toBe(3);
  });

  it.each(pageLoads.map((p) => [p.name, p] as const))('%s', async (_name, page) => {
    const document = operation(page.file);
    const as = page.as === 'clerk' ? seededClerk : page.as;
    const { statements, response } = await t.countStatements(document, page.variables(), { as });
    expect(response.errors).toBeUndefined();
    expect(page.answered(response.data!)).toBe(true);
    expect(statements).toBeLessThanOrEqual(nestingDepth(parse(document)) + 1);
  });
});
