import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { rowHydrator } from '../../common/entities/read-only-hydrator.js';
import { defaultDeadline, quarterPeriod } from '../../common/periods/quarter-period.js';
import { catalogJson } from '../metric/catalog-json.js';
import { RecordedMetricsService } from '../metric/recorded-metrics.service.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';
import { catalogOrder, ELECTION_HELD_SQL, electionHeldOf, visibleLines, type ElectionFacts } from './draft-sections.js';
import type { QuarterlyReportDraft } from './dto/quarterly-report-draft.js';

type Row = Record<string, unknown>;

interface DraftLookup {
  catalog: Row[];
  report: Row | null;
  current: Row[];
  due_at: Date | string | null;
  election: ElectionFacts;
}

/**
 * The clerk's form for a quarter, read in one statement (the catalog, the report and its values, the
 * county's deadline, the township's elections) plus the recorded counts when the caller asks for the
 * form's lines. Rows are read-only instances: nothing for the commit to diff.
 */
export class QuarterlyReportDraftService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  /** `withValues` false: the caller reads no line (the clerk's home), so no catalog and no counting. */
  async draft(year: number, quarter: number, withValues = true): Promise<QuarterlyReportDraft> {
    const period = quarterPeriod(year, quarter, []);
    // The county named in every part, joins on it too: on a Citus cluster that routes each to the county's shard.
    const own = [this.scope.countyId, this.scope.townshipId, year, quarter];
    const [lookup] = await this.em.execute<DraftLookup[]>(
      `select ${withValues ? catalogJson.sql : `'[]'::json`} as catalog,
              (select row_to_json(r) from quarterly_report r
                where r.county_id = ? and r.township_id = ? and r.year = ? and r.quarter = ?) as report,
              ${
                withValues
                  ? `(select coalesce(json_agg(v), '[]') from quarterly_report_value v
                       join quarterly_report r on r.county_id = v.county_id and r.id = v.report_id
                       where r.county_id = ? and r.township_id = ? and r.year = ? and r.quarter = ?)`
                  : `'[]'::json`
              } as current,
              (select d.due_at from reporting_deadline d where d.county_id = ? and d.year = ? and d.quarter = ?) as due_at,
              ${ELECTION_HELD_SQL} as election`,
      [
        ...own,
        ...(withValues ? own : []),
        this.scope.countyId,
        year,
        quarter,
        period.from,
        period.to,
        period.from,
        this.scope.countyId,
        this.scope.townshipId,
      ],
    );
    const report = lookup!.report ? rowHydrator(this.em, QuarterlyReport)(lookup!.report) : null;
    const held = electionHeldOf(lookup!.election);
    const draft: QuarterlyReportDraft = {
      year,
      quarter,
      periodStart: period.from,
      periodEnd: period.to,
      version: report?.version ?? 0,
      deadline: lookup!.due_at === null ? defaultDeadline(year, quarter) : new Date(lookup!.due_at),
      report,
      electionHeld: held,
      values: [],
    };
    if (!withValues) return draft;
    const catalog = catalogJson.read(this.em, lookup!.catalog).sort(catalogOrder);
    const recorded = await new RecordedMetricsService(this.em).compute(this.scope, period.from, period.to, catalog);
    const currentByKey = new Map(
      lookup!.current.map(rowHydrator(this.em, QuarterlyReportValue)).map((v) => [v.metricKey, v]),
    );
    const recordedByKey = new Map(recorded.map((r) => [r.metricKey, r]));
    draft.values = visibleLines(
      catalog.map((metric) => {
        const r = recordedByKey.get(metric.key)!;
        const submitted = currentByKey.get(metric.key);
        return {
          metricKey: metric.key,
          nameZh: metric.nameZh,
          nameEn: metric.nameEn,
          unit: metric.unit,
          kind: metric.kind,
          group: metric.group,
          recordedValue: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          derivationZh: r.derivationZh,
          derivationEn: r.derivationEn,
          reportedValue: submitted ? submitted.reportedValue : r.value,
          overrideReason: submitted?.overrideReason ?? null,
        };
      }),
      held,
    );
    return draft;
  }
}
