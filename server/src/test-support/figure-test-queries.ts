import type { TestServer } from './test-server.js';

/** One comparison cell with every mark issue #12 added (tests only). */
export interface MarkedCell {
  townshipId: string;
  periodIndex: number;
  metricKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provenance: string | null;
  qualifier: string;
  rank: number | null;
  unknownReason: string | null;
  provisional: boolean;
  syntheticShare: number | null;
  rankSynthetic: boolean;
}

export interface MarkedSeries {
  periodIndex: number;
  metricKey: string;
  values: (number | null)[];
  ranks: (number | null)[];
  provenances: (string | null)[];
  qualifiers: string[];
  unknownReasons: (string | null)[];
  provisional: boolean[];
  rankSynthetic: boolean[];
  median: number | null;
  medianBasis: number;
  medianProvenance: string | null;
}

export interface MarkedComparison {
  townships: { id: string; code: string }[];
  cells: MarkedCell[];
  series: MarkedSeries[];
}

export interface MarkedPoint {
  period: { year: number; quarter: number | null };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provenance: string | null;
  qualifier: string;
  unknownReason: string | null;
  provisional: boolean;
  syntheticShare: number | null;
  basis: number | null;
}

export const COMPARE_MARKED = `query ($county: ID!, $keys: [String!]!, $periods: [PeriodInput!]!) {
  compareTownships(countyId: $county, metricKeys: $keys, periods: $periods) {
    townships { id code }
    cells { townshipId periodIndex metricKey value numerator denominator provenance qualifier rank unknownReason provisional syntheticShare rankSynthetic }
    series { periodIndex metricKey values ranks provenances qualifiers unknownReasons provisional rankSynthetic median medianBasis medianProvenance }
  }
}`;

export const TREND_MARKED = `query ($county: ID!, $key: String!, $township: ID, $from: Int!, $to: Int!, $granularity: TrendGranularity!) {
  metricTrend(countyId: $county, metricKey: $key, townshipId: $township, fromYear: $from, toYear: $to, granularity: $granularity) {
    points { period { year quarter } value numerator denominator provenance qualifier unknownReason provisional syntheticShare basis }
  }
}`;

/** The seeded county's id and its townships' ids by code. */
export async function seededCounty(t: TestServer): Promise<{ countyId: string; idOf: Map<string, string> }> {
  const me = await t.graphql<{ me: { countyId: string }; townships: { nodes: { id: string; code: string }[] } }>(
    '{ me { countyId } townships(first: 10) { nodes { id code } } }',
    {},
    { as: 'demo.staff' },
  );
  return { countyId: me.data!.me.countyId, idOf: new Map(me.data!.townships.nodes.map((n) => [n.code, n.id])) };
}

export async function compareMarked(
  t: TestServer,
  countyId: string,
  keys: string[],
  periods: { year: number; quarter?: number }[],
): Promise<MarkedComparison> {
  const res = await t.graphql<{ compareTownships: MarkedComparison }>(COMPARE_MARKED, {
    county: countyId,
    keys,
    periods,
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.compareTownships;
}

export async function trendMarked(
  t: TestServer,
  variables: { county: string; key: string; township?: string | null; from: number; to: number; granularity: string },
): Promise<MarkedPoint[]> {
  const res = await t.graphql<{ metricTrend: { points: MarkedPoint[] } }>(TREND_MARKED, {
    township: null,
    ...variables,
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.metricTrend.points;
}

/** A cell of a comparison by township id, metric and period index. */
export const cellIn = (comparison: MarkedComparison, townshipId: string, metricKey: string, periodIndex = 0) =>
  comparison.cells.find(
    (c) => c.townshipId === townshipId && c.metricKey === metricKey && c.periodIndex === periodIndex,
  )!;
