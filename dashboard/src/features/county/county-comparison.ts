import type { FigureQualifier, Provenance, UnknownReason } from '../../graphql/generated/schema-enums';
import { countyMedian, figureFlags, type FigureFlags, type FigureKind } from '../../utils/figure-format';

/** What the overview needs of compareTownships (the generated types fit these shapes). */
export interface ComparedTownshipInfo {
  id: string;
  code: string;
  name: string;
  deputies: number;
}

export interface ComparisonCellInfo {
  townshipId: string;
  periodIndex: number;
  metricKey: string;
  /** null: unknown (never 0) */
  value: number | null;
  rawValue: number | null;
  numerator: number | null;
  denominator: number | null;
  provenance: Provenance | null;
  qualifier: FigureQualifier;
  rank: number | null;
  smallSample: boolean;
  /** Why the value is unknown (null when known) */
  unknownReason?: UnknownReason | null;
  /** The current, unfinished period (进行中) */
  provisional?: boolean | null;
  /** 0–1: share of generated rows behind the value */
  syntheticShare?: number | null;
  /** The rank compares at least one SYNTHETIC value */
  rankSynthetic?: boolean | null;
}

/** The marks of a comparison cell (figureFlags over the cell's fields); a missing cell is unknown. */
export function cellFlags(cell: ComparisonCellInfo | null, kind: FigureKind | null): FigureFlags {
  return figureFlags({
    value: cell?.value ?? null,
    provenance: cell?.provenance,
    kind,
    denominator: cell?.denominator,
    unknownReason: cell?.unknownReason,
    provisional: cell?.provisional,
    syntheticShare: cell?.syntheticShare,
    rankSynthetic: cell?.rankSynthetic,
  });
}

export interface ComparedMetricInfo {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: FigureKind;
}

export interface ComparisonInput {
  townships: readonly ComparedTownshipInfo[];
  cells: readonly ComparisonCellInfo[];
}

/** The cell of a township × metric × period, or null when the server sent none. */
export function findCell(
  cells: readonly ComparisonCellInfo[],
  townshipId: string,
  metricKey: string,
  periodIndex: number,
): ComparisonCellInfo | null {
  return (
    cells.find((c) => c.townshipId === townshipId && c.metricKey === metricKey && c.periodIndex === periodIndex) ?? null
  );
}

export interface ComparisonBars {
  labels: string[];
  series: { metricKey: string; values: (number | null)[] }[];
}

/** Bars: one label per township (county order), one series per metric; unknown stays null (a gap). */
export function comparisonBars(
  comparison: ComparisonInput,
  metricKeys: readonly string[],
  periodIndex: number,
): ComparisonBars {
  return {
    labels: comparison.townships.map((t) => t.name),
    series: metricKeys.map((metricKey) => ({
      metricKey,
      values: comparison.townships.map((t) => findCell(comparison.cells, t.id, metricKey, periodIndex)?.value ?? null),
    })),
  };
}

export interface RankingRow {
  township: ComparedTownshipInfo;
  cell: ComparisonCellInfo | null;
  /** The row's rank rests on at least one generated value (its own or another township's) */
  rankSynthetic: boolean;
}

export type RankingSortKey = 'rank' | 'name' | 'value' | 'deputies';
export type SortDirection = 'asc' | 'desc';

/**
 * One row per township for a metric and period. A rank compares every known value of the metric, so it
 * rests on generated data when any of them is synthetic: the server says so (`rankSynthetic`); where it
 * does not, the same rule is applied here to the cells.
 */
export function rankingRows(comparison: ComparisonInput, metricKey: string, periodIndex: number): RankingRow[] {
  const cells = comparison.townships.map((township) => findCell(comparison.cells, township.id, metricKey, periodIndex));
  const anySynthetic = cells.some((cell) => cell !== null && cellFlags(cell, null).synthetic);
  return comparison.townships.map((township, i) => {
    const cell = cells[i] ?? null;
    const ranked = cell !== null && cell.rank !== null;
    return { township, cell, rankSynthetic: ranked && (cell.rankSynthetic ?? anySynthetic) };
  });
}

function sortValue(row: RankingRow, key: RankingSortKey): number | string | null {
  switch (key) {
    case 'rank':
      return row.cell?.rank ?? null;
    case 'value':
      return row.cell?.value ?? null;
    case 'deputies':
      return row.township.deputies;
    case 'name':
      return row.township.name;
  }
}

/** Sorted copy; unknown values (null) go last whichever the direction, ties keep the county order. */
export function sortRanking(rows: readonly RankingRow[], key: RankingSortKey, direction: SortDirection): RankingRow[] {
  const factor = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = sortValue(a.row, key);
      const y = sortValue(b.row, key);
      if (x === null && y === null) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return order === 0 ? a.index - b.index : order * factor;
    })
    .map(({ row }) => row);
}

export interface RadarProfile {
  metricKeys: string[];
  /** The township's values as 0–100 of the county maximum; null when unknown */
  township: (number | null)[];
  /** The county median on the same scale; null when fewer than MEDIAN_MIN_BASIS values are known */
  countyMedian: (number | null)[];
  /** How many known values each axis's median used */
  medianBasis: number[];
  /** Each axis's median uses at least one generated value */
  medianSynthetic: boolean[];
  /** The township's marks on each axis */
  flags: FigureFlags[];
  /** The county maximum each axis is scaled by (null when no township's value is known) */
  countyMax: (number | null)[];
}

/**
 * A township's profile against the county median: every metric scaled 0–100 by the county's maximum
 * for it (the township with the most is 100). A metric nobody has a known value for stays null on both
 * lines; when the maximum is 0 every known value is 0. The median needs MEDIAN_MIN_BASIS known values
 * (else null, a gap) and is synthetic when any value it used is.
 */
export function radarProfile(
  comparison: ComparisonInput,
  metricKeys: readonly string[],
  periodIndex: number,
  townshipId: string,
): RadarProfile {
  const profile: RadarProfile = {
    metricKeys: [...metricKeys],
    township: [],
    countyMedian: [],
    countyMax: [],
    medianBasis: [],
    medianSynthetic: [],
    flags: [],
  };
  for (const metricKey of metricKeys) {
    const cells = comparison.townships.map((t) => findCell(comparison.cells, t.id, metricKey, periodIndex));
    const values = cells.map((cell) => cell?.value ?? null);
    const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
    const max = known.length > 0 ? Math.max(...known) : null;
    const scale = (value: number | null): number | null => {
      if (value === null || max === null) return null;
      return max <= 0 ? 0 : Math.round((value / max) * 1000) / 10;
    };
    const ownCell = findCell(comparison.cells, townshipId, metricKey, periodIndex);
    const middle = countyMedian(values);
    profile.countyMax.push(max);
    profile.township.push(scale(ownCell?.value ?? null));
    profile.countyMedian.push(scale(middle.value));
    profile.medianBasis.push(middle.basis);
    profile.medianSynthetic.push(middle.value !== null && cells.some((cell) => cellFlags(cell, null).synthetic));
    profile.flags.push(cellFlags(ownCell, null));
  }
  return profile;
}

/** A quarter, or the whole year (quarter null), as compareTownships takes it. */
export interface PeriodChoice {
  year: number;
  quarter: number | null;
}

export function periodInput(choice: PeriodChoice): { year: number; quarter?: number } {
  return choice.quarter === null ? { year: choice.year } : { year: choice.year, quarter: choice.quarter };
}

export interface TrendPointInfo {
  period: { year: number; quarter?: number | null; label: string };
  value: number | null;
  provenance?: Provenance | null;
  unknownReason?: UnknownReason | null;
  provisional?: boolean | null;
  syntheticShare?: number | null;
}

export interface TrendLine {
  /** What the chart plots: unknown and unfinished (进行中) points are gaps, never 0 */
  values: (number | null)[];
  /** The value itself, unfinished periods included, for the table and tooltips */
  figures: (number | null)[];
  flags: FigureFlags[];
}

export interface TrendLines {
  labels: string[];
  county: TrendLine;
  township: TrendLine | null;
}

const periodKey = (p: TrendPointInfo['period']) => `${p.year}-${p.quarter ?? 0}`;

function trendLine(points: readonly (TrendPointInfo | undefined)[]): TrendLine {
  const flags = points.map((p) =>
    figureFlags({
      value: p?.value ?? null,
      provenance: p?.provenance,
      unknownReason: p?.unknownReason,
      provisional: p?.provisional,
      syntheticShare: p?.syntheticShare,
    }),
  );
  return {
    // An unfinished quarter's count so far would read as a drop: it is listed, not drawn.
    values: points.map((p, i) => (flags[i]!.provisional ? null : (p?.value ?? null))),
    figures: points.map((p) => p?.value ?? null),
    flags,
  };
}

/**
 * The county's and a township's trend on shared period labels (county order); missing points are null.
 * Lines break at unknown points (spanGaps false in LineChart) and leave out the unfinished period.
 */
export function trendLines(
  county: readonly TrendPointInfo[],
  township: readonly TrendPointInfo[] | null,
  /** The axis label of a period in the reader's language (the API's `label` is Chinese only) */
  periodLabel: (period: TrendPointInfo['period']) => string = (period) => period.label,
): TrendLines {
  const byKey = new Map((township ?? []).map((p) => [periodKey(p.period), p]));
  return {
    labels: county.map((p) => periodLabel(p.period)),
    county: trendLine(county),
    township: township ? trendLine(county.map((p) => byKey.get(periodKey(p.period)))) : null,
  };
}

/** The radar's axes: a readable handful of work metrics (the server compares at most 30 at once). */
export const PROFILE_METRICS: readonly string[] = [
  'meetings_held',
  'presidium_meetings',
  'inspections',
  'supervisions',
  'legal_outreach',
  'suggestion_completion_rate',
  'letter_reply_rate',
  'election_turnout',
];

/** The profile metrics the catalog has, in PROFILE_METRICS order; the first eight of the catalog when none. */
export function profileMetricKeys(catalog: readonly { key: string }[], max = 8): string[] {
  const known = new Set(catalog.map((m) => m.key));
  const chosen = PROFILE_METRICS.filter((key) => known.has(key));
  return chosen.length > 0 ? chosen.slice(0, max) : catalog.slice(0, max).map((m) => m.key);
}
