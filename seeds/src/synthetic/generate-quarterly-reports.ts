import type { IsoDate, SeedMetricDefinition, SeedPeriodFigure, SeedQuarterlyReport } from '../seed-dataset.js';
import { addDays } from '../dates/add-days.js';
import { quarterOf, type Quarter } from '../dates/quarter-of.js';
import type { QuarterEvent } from './collect-quarter-events.js';
import type { SeededRandom } from './seeded-random.js';
import { spreadAcrossQuarters, type QuarterValues } from './spread-across-quarters.js';

export interface GenerateQuarterlyReportsInput {
  townshipKey: string;
  year: number;
  /** The township's REPORTED figures for that year. */
  figures: readonly SeedPeriodFigure[];
  events: readonly QuarterEvent[];
  metrics: readonly SeedMetricDefinition[];
  /** metricKey -> date whose quarter takes the part of the figure no dated record explains. */
  remainderPlacement: Readonly<Record<string, IsoDate>>;
  rng: SeededRandom;
}

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/**
 * Synthetic quarterly reports for one township and year. COUNT values: dated records go to their own
 * quarter and only the unexplained remainder is spread, so the four quarters add up to the annual figure
 * exactly. RATE values: the annual rate in every quarter whose denominator has data, null elsewhere (not
 * applicable). An unknown (null) annual figure stays null in all four quarters.
 */
export function generateQuarterlyReports(input: GenerateQuarterlyReportsInput): SeedQuarterlyReport[] {
  const { rng } = input;
  // A metric fed by a year-only record cannot be split: which quarter holds that record is not known.
  const yearOnly = new Set(input.events.filter((e) => e.quarter === null).flatMap((e) => Object.keys(e.amounts)));
  const anchored = (metricKey: string): QuarterValues => {
    const values: QuarterValues = [0, 0, 0, 0];
    for (const e of input.events) {
      if (e.quarter !== null) values[e.quarter - 1] = (values[e.quarter - 1] as number) + (e.amounts[metricKey] ?? 0);
    }
    return values;
  };
  const definition = new Map(input.metrics.map((m) => [m.key, m]));
  const figures = [...input.figures].sort(
    (a, b) =>
      input.metrics.findIndex((m) => m.key === a.metricKey) - input.metrics.findIndex((m) => m.key === b.metricKey),
  );
  const counts = new Map<string, QuarterValues>();
  for (const figure of figures) {
    const metric = definition.get(figure.metricKey);
    if (metric === undefined) throw new Error(`${input.townshipKey}: unknown metric ${figure.metricKey}`);
    if (metric.kind !== 'COUNT' || figure.value === null || yearOnly.has(figure.metricKey)) continue;
    const values = anchored(figure.metricKey);
    const remainder = figure.value - values.reduce((sum, v) => sum + v, 0);
    if (remainder < 0) {
      throw new Error(`${input.townshipKey}: records of ${figure.metricKey} exceed the reported ${figure.value}`);
    }
    const placeOn = input.remainderPlacement[figure.metricKey];
    const extra: QuarterValues = placeOn !== undefined ? [0, 0, 0, 0] : spreadAcrossQuarters(remainder, rng);
    if (placeOn !== undefined) extra[quarterOf(placeOn) - 1] = remainder;
    counts.set(figure.metricKey, values.map((v, i) => v + (extra[i] as number)) as QuarterValues);
  }
  const quarterValue = (figure: SeedPeriodFigure, quarter: Quarter): number | null => {
    if (figure.value === null || yearOnly.has(figure.metricKey)) return null;
    const metric = definition.get(figure.metricKey) as SeedMetricDefinition;
    if (metric.kind === 'COUNT') return (counts.get(figure.metricKey) as QuarterValues)[quarter - 1] as number;
    if (metric.denominatorKey !== null && yearOnly.has(metric.denominatorKey)) return null;
    const denominator = metric.denominatorKey !== null ? counts.get(metric.denominatorKey) : undefined;
    const activity = denominator ?? anchored(figure.metricKey);
    const anyActivity = activity.some((v) => v > 0);
    return !anyActivity || (activity[quarter - 1] as number) > 0 ? figure.value : null;
  };
  return QUARTERS.map((quarter) => ({
    key: `${input.townshipKey}-${input.year}-q${quarter}`,
    townshipKey: input.townshipKey,
    year: input.year,
    quarter,
    state: 'ACCEPTED' as const,
    // Filed a few days after the quarter closes, as townships do.
    submittedAt: `${addDays(`${input.year}-${QUARTER_ENDS[quarter - 1] as string}`, rng.int(3, 10))}T02:00:00.000Z`,
    values: figures.map((figure) => ({
      metricKey: figure.metricKey,
      value: quarterValue(figure, quarter),
      qualifier: figure.qualifier,
      provenance: 'SYNTHETIC' as const,
    })),
  }));
}
