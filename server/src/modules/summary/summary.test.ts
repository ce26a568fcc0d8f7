import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { GOLDEN_SUMMARIES } from './golden-summaries.fixture.js';

interface Fact {
  labelZh: string;
  value: number | null;
  qualifier: string;
  provenance: string;
  recordId: string | null;
  metricKey: string | null;
  occurredOn: string | null;
  datePrecision: string | null;
}
interface Summary {
  kind: string;
  year: number | null;
  termId: string | null;
  paragraphZh: string;
  includesSynthetic: boolean;
  figures: { metricKey: string; provenance: string | null }[];
  sentences: { textZh: string; synthetic: boolean; basis: Fact[] }[];
}

const FIELDS = `kind year termId paragraphZh includesSynthetic figures { metricKey provenance }
  sentences { textZh synthetic basis { labelZh value qualifier provenance recordId metricKey occurredOn datePrecision } }`;
const YEAR = `query ($t: ID!, $year: Int!, $s: Boolean) { annualSummary(townshipId: $t, year: $year, includeSynthetic: $s) { ${FIELDS} } }`;
const TERM = `query ($t: ID!, $term: ID!, $s: Boolean) { termSummary(townshipId: $t, termId: $term, includeSynthetic: $s) { ${FIELDS} } }`;

/** A fact as the fixture writes it: `metricKey=value`, or `label[=value]@date` with the date as precise as known. */
function signature(f: Fact): string {
  if (f.metricKey) return `${f.metricKey}=${f.value}`;
  const date = !f.occurredOn
    ? ''
    : f.datePrecision === 'YEAR'
      ? f.occurredOn.slice(0, 4)
      : f.datePrecision === 'MONTH'
        ? f.occurredOn.slice(0, 7)
        : f.occurredOn;
  return `${f.labelZh}${f.value === null ? '' : `=${f.value}`}@${date}`;
}

/** The reference reports, in shared/ beside the checkout (as CI lays it out); the check skips without them. */
const REPORTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/reference/reports');
/** Proper names, identical by nature: a session's formal name, a law's title. */
const PROPER_NAMES = /第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次(全体)?会议|《[^》]*》/g;

/** How a number appears in the prose: 10000 approximate reads 1万. */
const inProse = (value: number) => (value >= 10000 && value % 10000 === 0 ? `${value / 10000}万` : String(value));

describe('annual and term summaries', () => {
  let t: TestServer;
  const idOf = new Map<string, string>();
  const termOf = new Map<string, string>();

  const year = async (code: string, includeSynthetic?: boolean, y = 2021) => {
    const res = await t.graphql<{ annualSummary: Summary }>(YEAR, { t: idOf.get(code), year: y, s: includeSynthetic });
    expect(res.errors).toBeUndefined();
    return res.data!.annualSummary;
  };
  const term = async (code: string, includeSynthetic?: boolean) => {
    const res = await t.graphql<{ termSummary: Summary }>(TERM, {
      t: idOf.get(code),
      term: termOf.get(code),
      s: includeSynthetic,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.termSummary;
  };
  const golden = (key: string) => {
    const [code, span] = key.split('-') as [string, string | undefined];
    return span === 'TERM' ? term(code) : year(code);
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'demo.staff' });
    const res = await t.graphql<{
      townships: { nodes: { id: string; code: string }[] };
      terms: { nodes: { id: string; townshipId: string }[] };
    }>('{ townships(first: 10) { nodes { id code } } terms(first: 20) { nodes { id townshipId } } }');
    expect(res.errors).toBeUndefined();
    for (const n of res.data!.townships.nodes) idOf.set(n.code, n.id);
    for (const n of res.data!.terms.nodes) {
      const code = [...idOf].find(([, id]) => id === n.townshipId)![0];
      termOf.set(code, n.id);
    }
  });
  afterAll(() => t.stop());

  it.each(Object.keys(GOLDEN_SUMMARIES))(
    '%s: states the report’s facts, in the report’s order, and no others',
    async (key) => {
      const summary = await golden(key);
      const expected = GOLDEN_SUMMARIES[key]!;
      expect(summary.kind).toBe(expected.kind);
      expect(summary.sentences.flatMap((s) => s.basis.map(signature))).toEqual(expected.facts);
      for (const s of summary.sentences) {
        expect(s.synthetic).toBe(false);
        for (const f of s.basis) {
          expect(f.provenance).toBe('REPORTED');
          // A record fact names its record; a figure names its metric.
          expect(f.recordId !== null || f.metricKey !== null).toBe(true);
          // The sentence says the number it rests on (a lower bound or a rate as the report would).
          if (f.value !== null && f.metricKey !== 'suggestion_completion_rate')
            expect(s.textZh).toContain(inProse(f.value));
        }
      }
      expect(summary.paragraphZh).toBe(summary.sentences.map((s) => s.textZh).join('') || summary.paragraphZh);
      expect(summary.includesSynthetic).toBe(summary.figures.some((f) => f.provenance === 'SYNTHETIC'));
    },
  );

  it.each(Object.keys(GOLDEN_SUMMARIES))(
    '%s: never "0次", never "至少1次", no editorial label in the prose',
    async (key) => {
      const text = (await golden(key)).paragraphZh;
      expect(text).not.toMatch(/(?<![0-9.])0(次|件|人|名|个|篇|份|%)/);
      expect(text).not.toContain('至少');
      expect(text).not.toContain('数据未知');
      expect(text).not.toMatch(/（[^）]*(报告|未载明)[^）]*）/);
    },
  );

  (existsSync(REPORTS_DIR) ? it : it.skip)(
    'writes its own Chinese: no run of 16 characters from a report',
    async () => {
      const reports = readdirSync(REPORTS_DIR).map((f) =>
        readFileSync(join(REPORTS_DIR, f), 'utf8').replace(/\s+/g, ''),
      );
      for (const key of Object.keys(GOLDEN_SUMMARIES)) {
        const text = (await golden(key)).paragraphZh.replace(PROPER_NAMES, '|');
        for (let i = 0; i + 16 <= text.length; i++) {
          const run = text.slice(i, i + 16);
          expect([key, reports.some((r) => r.includes(run)) ? run : null]).toEqual([key, null]);
        }
      }
    },
  );

  it('makes up nothing for the unnamed town’s 2021: its report gives no figure for any year', async () => {
    const summary = await year('UNNAMED');
    expect(summary.sentences).toEqual([]);
    expect(summary.paragraphZh.replace('2021', '')).not.toMatch(/\d/);
    expect(summary.paragraphZh).toMatch(/^2021年，某镇人大主席团/);
  });

  it('reads as each township’s own: the same kind of sentence is worded differently between townships', async () => {
    const supervision = await Promise.all(
      ['SIMENG', 'ZHENJIANG', 'UNNAMED-TERM'].map(async (key) => {
        const summary = await golden(key);
        return summary.sentences.find((s) =>
          s.basis.some((f) => /inspections|law_enforcement/.test(f.metricKey ?? '')),
        )!.textZh;
      }),
    );
    const leads = supervision.map((text) => text.replace(/^.*?人大主席团/, '').slice(0, 4));
    expect(new Set(leads).size).toBeGreaterThan(1);
    // Deterministic: the same township reads the same every time.
    expect((await year('ZHENJIANG')).paragraphZh).toBe((await year('ZHENJIANG')).paragraphZh);
  });

  it('leaves generated facts out by default, and keeps them marked when asked', async () => {
    for (const code of ['QUNLI', 'SIMENG', 'HEMAO', 'ZHENJIANG', 'UNNAMED']) {
      const without = await year(code, false);
      expect(await year(code)).toEqual(without);
      expect(without.sentences.flatMap((s) => s.basis).every((f) => f.provenance !== 'SYNTHETIC')).toBe(true);
      expect(without.paragraphZh).not.toContain('模拟');

      const withSynthetic = await year(code, true);
      for (const s of withSynthetic.sentences) {
        expect(s.synthetic).toBe(s.basis.some((f) => f.provenance === 'SYNTHETIC'));
        expect(withSynthetic.paragraphZh).toContain(s.synthetic ? s.textZh.replace(/。$/, '（模拟）。') : s.textZh);
      }
      // Every reported fact is still there: generated ones are added, never swapped for what was reported.
      const kept = new Set(withSynthetic.sentences.flatMap((s) => s.basis.map(signature)));
      const reportedFigures = without.sentences.flatMap((s) => s.basis).filter((f) => f.metricKey !== null);
      for (const f of reportedFigures) expect(kept).toContain(signature(f));
      expect(withSynthetic.includesSynthetic).toBe(
        withSynthetic.sentences.some((s) => s.synthetic) ||
          withSynthetic.figures.some((f) => f.provenance === 'SYNTHETIC'),
      );
    }
    // A generated by-election and a generated annual figure for 鹤毛镇: left out, or kept and marked.
    await withDatabaseClient(t.database.url, async (su) => {
      await su.query(
        `insert into election (id, township_id, county_id, provenance, held_on, kind, township_deputies_elected)
         select gen_random_uuid(), id, county_id, 'SYNTHETIC', '2021-10-12', 'BY_ELECTION', 1 from township where code = 'HEMAO'`,
      );
      await su.query(
        `insert into period_figure (id, township_id, county_id, provenance, metric_key, period_kind, year, value)
         select gen_random_uuid(), id, county_id, 'SYNTHETIC', 'legal_outreach', 'YEAR', 2021, 4 from township where code = 'HEMAO'`,
      );
    });
    const hemaoPlain = await year('HEMAO', false);
    expect(hemaoPlain.sentences.flatMap((s) => s.basis.map(signature))).toEqual(GOLDEN_SUMMARIES['HEMAO']!.facts);
    const hemao = await year('HEMAO', true);
    const generated = hemao.sentences.filter((s) => s.synthetic);
    expect(generated.flatMap((s) => s.basis.map(signature))).toEqual(
      expect.arrayContaining(['补选镇人大代表=1@2021-10-12', 'legal_outreach=4']),
    );
    expect(generated.every((s) => hemao.paragraphZh.includes(s.textZh.replace(/。$/, '（模拟）。')))).toBe(true);
    expect(hemao.includesSynthetic).toBe(true);
    // The reported sentence is not marked for sitting beside generated ones.
    expect(hemao.sentences.find((s) => s.basis.some((f) => f.metricKey === 'presidium_meetings'))?.synthetic).toBe(
      false,
    );
    // 镇江镇's 23 reported visits stay the reported total, not the generated split of 12 + 11.
    const zhenjiang = await year('ZHENJIANG', true);
    const keys = zhenjiang.sentences.flatMap((s) => s.basis.map((f) => f.metricKey));
    expect(keys).toContain('inspections_and_research_visits');
    expect(keys).not.toContain('inspections');
  });

  it('marks a count SYNTHETIC once a generated record joins it, and names the recorded ones without it', async () => {
    for (const day of ['2023-05-16', '2023-09-14']) {
      const res = await t.graphql<{ recordActivity: { id: string } }>(
        'mutation ($i: RecordActivityInput!) { recordActivity(input: $i) { id } }',
        { i: { type: 'INSPECTION', occurredOn: day, title: '视察农村饮水安全工程' } },
        { as: 'hemao.clerk' },
      );
      expect(res.errors).toBeUndefined();
    }
    await withDatabaseClient(t.database.url, (su) =>
      su.query(
        `insert into activity (id, township_id, county_id, provenance, type, occurred_on, title)
         select gen_random_uuid(), id, county_id, 'SYNTHETIC', 'INSPECTION', '2023-11-08', '生成的视察' from township where code = 'HEMAO'`,
      ),
    );
    const marked = await year('HEMAO', true, 2023);
    const count = marked.sentences.flatMap((s) => s.basis).find((f) => f.metricKey === 'inspections');
    // Counted (where the township's 2023 records are known complete): then it is the generated row's.
    if (count) expect(count).toMatchObject({ value: 3, provenance: 'SYNTHETIC' });
    const plain = await year('HEMAO', false, 2023);
    const facts = plain.sentences.flatMap((s) => s.basis);
    expect(facts.every((f) => f.provenance !== 'SYNTHETIC')).toBe(true);
    expect(facts.filter((f) => f.labelZh === '代表视察').map((f) => [f.occurredOn, f.provenance])).toEqual([
      ['2023-05-16', 'RECORDED'],
      ['2023-09-14', 'RECORDED'],
    ]);
    expect(plain.paragraphZh).not.toContain('生成的视察');
  });

  it('counts a year-only record in the year, never in a quarter', async () => {
    const res = await t.graphql<{ recordActivity: { id: string } }>(
      'mutation ($i: RecordActivityInput!) { recordActivity(input: $i) { id } }',
      { i: { type: 'RESEARCH_VISIT', occurredOn: '2024-01-01', datePrecision: 'YEAR', title: '调研茶叶产业发展' } },
      { as: 'simeng.clerk' },
    );
    expect(res.errors).toBeUndefined();
    const me = await t.graphql<{ me: { countyId: string } }>('{ me { countyId } }');
    const compare = await t.graphql<{
      compareTownships: { cells: { townshipId: string; periodIndex: number; value: number | null }[] };
    }>(
      `query ($c: ID!, $p: [PeriodInput!]!) { compareTownships(countyId: $c, metricKeys: ["research_visits"], periods: $p) {
         cells { townshipId periodIndex value } } }`,
      {
        c: me.data!.me.countyId,
        p: [
          { year: 2024, quarter: 1 },
          { year: 2024, quarter: 2 },
          { year: 2024, quarter: 3 },
          { year: 2024, quarter: 4 },
          { year: 2024 },
        ],
      },
    );
    expect(compare.errors).toBeUndefined();
    const simeng = compare.data!.compareTownships.cells.filter((c) => c.townshipId === idOf.get('SIMENG'));
    for (const quarter of [0, 1, 2, 3]) expect(simeng.find((c) => c.periodIndex === quarter)?.value ?? 0).toBe(0);
    const yearCell = simeng.find((c) => c.periodIndex === 4)!;
    // The year holds it (or is unknown as a whole, where the township's records are not known complete).
    expect([1, null]).toContain(yearCell.value);
    // The summary of the year names the visit without a date finer than the year.
    const summary = await year('SIMENG', false, 2024);
    expect(summary.paragraphZh).not.toContain('1月1日');
  });

  it('refuses a term of another township and a malformed id, with a coded error', async () => {
    const foreign = await t.graphql<{ termSummary: Summary }>(TERM, {
      t: idOf.get('QUNLI'),
      term: termOf.get('SIMENG'),
    });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const malformed = await t.graphql<{ termSummary: Summary }>(TERM, { t: idOf.get('QUNLI'), term: 'nope' });
    expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const badYear = (await t.graphql(YEAR, { t: idOf.get('QUNLI'), year: 1800 })) as GraphQLResponse<unknown>;
    expect(badYear.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
