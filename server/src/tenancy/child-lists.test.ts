import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { readsOf } from '../test-support/recorded-reads.js';

interface Value {
  metricKey: string;
  reportedValue: number | null;
  qualifier: string;
  overrideReason?: string | null;
  createdAt?: string;
}
interface Report {
  id: string;
  state: string;
  returnReason?: string | null;
  values: Value[];
}
interface Townships {
  townships: {
    nodes: { code: string; stations: { name: string; address?: string | null }[]; quarterlyReports: Report[] }[];
  };
}

const NARROW = `{ townships(first: 10) { nodes { code
  stations { name }
  quarterlyReports { id state values { metricKey reportedValue qualifier } } } } }`;
const WIDE = `{ townships(first: 10) { nodes { code
  stations { name address }
  quarterlyReports { id state returnReason values { metricKey reportedValue qualifier overrideReason createdAt } } } } }`;

describe('child lists read the columns their fields show', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  async function sent(query: string, table: string) {
    const { result, reads } = await readsOf(t, table, () => t.graphql<Townships>(query));
    expect(result.errors).toBeUndefined();
    return { townships: result.data!.townships.nodes, reads };
  }

  it('leaves unread columns out of a report value list and a report list, with the same answer', async () => {
    const narrow = await sent(NARROW, 'quarterly_report_value');
    const wide = await sent(WIDE, 'quarterly_report_value');
    const values = (data: typeof narrow.townships) =>
      data.flatMap((town) =>
        town.quarterlyReports.flatMap((report) =>
          report.values.map((v) => [report.id, v.metricKey, v.reportedValue, v.qualifier]),
        ),
      );
    expect(values(narrow.townships).length).toBeGreaterThan(0);
    expect(values(narrow.townships)).toEqual(values(wide.townships));
    // The columns the narrow query needs, and not the ones only the wide one shows.
    expect(narrow.reads.join('\n')).toMatch(/"reported_value"/);
    expect(narrow.reads.join('\n')).not.toMatch(/"override_reason"|"created_at"/);
    expect(wide.reads.join('\n')).toMatch(/"override_reason"/);
    // Every value was read, with what the wide query asked for.
    const wideValues = wide.townships.flatMap((town) => town.quarterlyReports.flatMap((report) => report.values));
    expect(wideValues.every((v) => typeof v.createdAt === 'string')).toBe(true);
  });

  it('reads a report list without the columns its fields do not show, while its values still load by id', async () => {
    const narrow = await sent(NARROW, 'quarterly_report');
    const wide = await sent(WIDE, 'quarterly_report');
    // The values are read in the reports' statement (see below); only the reports have a return reason.
    expect(narrow.reads.join('\n')).not.toMatch(/"return_reason"/);
    expect(wide.reads.join('\n')).toMatch(/"return_reason"/);
    const ids = (data: typeof narrow.townships) =>
      data.map((town) => [town.code, town.quarterlyReports.map((r) => [r.id, r.state])]);
    expect(ids(narrow.townships)).toEqual(ids(wide.townships));
  });

  it('gives each selection its own read: a narrow list never answers a wider one in the same request', async () => {
    const response = await t.graphql<Record<'a' | 'b', Townships['townships']>>(
      `{ a: townships(first: 10) { nodes { code stations { name } } }
         b: townships(first: 10) { nodes { code stations { name address } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const stations = (list: Townships['townships']) => list.nodes.flatMap((town) => town.stations);
    expect(stations(response.data!.b).filter((s) => s.address).length).toBeGreaterThan(0);
    expect(stations(response.data!.a).map((s) => s.name)).toEqual(stations(response.data!.b).map((s) => s.name));
    expect(stations(response.data!.a).every((s) => !('address' in s))).toBe(true);
  });

  it('reads a page of reports and their values in one statement, as the values field reads them alone', async () => {
    type Reports = { quarterlyReports: { nodes: { id: string; values: Value[] }[] } };
    const PAGE = `{ quarterlyReports(first: 20) { nodes { id values { metricKey reportedValue qualifier } } } }`;
    const folded = await t.countStatements(PAGE, {});
    expect(folded.response.errors).toBeUndefined();
    expect(folded.statements).toBe(1);
    const reports = (folded.response.data as unknown as Reports).quarterlyReports.nodes;
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.some((r) => r.values.length > 0)).toBe(true);
    for (const report of reports) {
      const alone = await t.graphql<{ quarterlyReport: { values: Value[] } }>(
        'query ($id: ID!) { quarterlyReport(id: $id) { values { metricKey reportedValue qualifier } } }',
        { id: report.id },
      );
      expect(report.values).toEqual(alone.data!.quarterlyReport.values);
    }
  });

  it('leaves a child list to its resolver when it is selected twice under aliases, with the same answer', async () => {
    type Aliased = { quarterlyReports: { nodes: { id: string; a: Value[]; b: Value[] }[] } };
    const ALIASED = `{ quarterlyReports(first: 20) { nodes { id a: values { metricKey } b: values { metricKey qualifier } } } }`;
    const aliased = await t.countStatements(ALIASED, {});
    expect(aliased.response.errors).toBeUndefined();
    expect(aliased.statements).toBe(2);
    const reports = (aliased.response.data as unknown as Aliased).quarterlyReports.nodes;
    for (const report of reports) {
      expect(report.a.map((v) => v.metricKey)).toEqual(report.b.map((v) => v.metricKey));
      expect(report.b.every((v) => typeof v.qualifier === 'string')).toBe(true);
    }
  });
});
