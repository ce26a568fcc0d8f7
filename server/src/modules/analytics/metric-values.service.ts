import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../common/entities/read-batcher.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { catalogJson } from '../metric/catalog-json.js';
import type { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { RECORDED_METRIC_SQL } from '../metric/recorded-metric-sql.js';
import { queryRecordedCountsWithSynthetic } from '../metric/recorded-counts-query.js';
import { percentage, recordedRateParts } from '../metric/recorded-metrics.service.js';
import { analyticsPeriod } from './analytics-period.js';
import { Completeness, REPORTING_SINCE_SQL, type FiledReport, type TownshipCompleteness } from './completeness.js';
import type { Period } from './dto/period.type.js';
import { ReportedFigures, type Reported, type ReportedRow } from './reported-figures.js';
import {
  combinedReason,
  rateQualifier,
  shareOfProvenance,
  sumOf,
  unknownValue,
  weakestProvenance,
  type ResolvedValue,
} from './resolved-value.js';
import { UnknownReason } from './unknown-reason.enum.js';

export type { ResolvedValue } from './resolved-value.js';

export interface TownshipRow {
  id: string;
  code: string;
  name: string;
  /** Deputies currently serving: the base of per-deputy normalisation. */
  deputies: number;
}

export interface ValueTable {
  catalog: MetricDefinition[];
  townships: TownshipRow[];
  /** `${townshipId}|${periodIndex}|${metricKey}` → value */
  get(townshipId: string, periodIndex: number, metricKey: string): ResolvedValue;
}

/** A rate's parts: its own numerator and denominator, else the recorded parts (hidden ones included). */
function rateParts(metric: MetricDefinition): readonly [string, string] | null {
  return metric.numeratorKey && metric.denominatorKey
    ? [metric.numeratorKey, metric.denominatorKey]
    : recordedRateParts(metric);
}

/** A reported figure as a resolved value (a reported rate carries no parts); "X项" is a figure without a number. */
function fromReported(figure: Reported): ResolvedValue {
  if (figure.value === null) return unknownValue(UnknownReason.NOT_STATED, figure.provenance);
  return {
    value: figure.value,
    numerator: null,
    denominator: null,
    provenance: figure.provenance,
    qualifier: figure.qualifier,
    unknownReason: null,
    provisional: false,
    syntheticShare: shareOfProvenance(figure.provenance),
  };
}

const FIGURES_COLUMNS = ['catalog', 'townships', 'reported', 'filed', 'deadlines'] as const;

interface FiguresDocument {
  catalog: Record<string, unknown>[];
  townships: (TownshipRow & TownshipCompleteness)[];
  reported: ReportedRow[];
  filed: FiledReport[];
  deadlines: { year: number; quarter: number; due_at: string }[];
}

/**
 * Resolves metrics for townships × periods of a county in a fixed number of SQL statements (catalog;
 * townships with deputy counts, record coverage, filed reports, deadlines and reported figures; recorded
 * counts when needed), however many townships or records there are. Precedence: a figure the township
 * reported (an annual report, or a submitted or accepted quarterly report) over one counted from
 * records, and records count as RECORDED only where they are known complete (`Completeness`); elsewhere
 * a positive count is a lower bound (AT_LEAST) and no record at all is unknown, with its reason. A year without an
 * annual figure whose quarters were reported sums them only when all four are known (else AT_LEAST);
 * rates divide their resolved parts. Every value carries the share of generated rows or figures behind it.
 * Records are counted only for the metrics asked for and only where a figure was not reported.
 */
export class MetricValuesService {
  constructor(private readonly em: EntityManager) {}

  async resolve(
    countyId: string,
    townshipIds: readonly string[] | null,
    periods: readonly Period[],
    /** The metrics the caller will `get` (null: every metric); others resolve without their recorded counts. */
    metricKeys: readonly string[] | null = null,
    now: Date = new Date(),
  ): Promise<ValueTable> {
    const years = [...new Set(periods.map((p) => p.year))];
    const yearList = years.map(() => '?').join(', ');
    const townshipFilter = townshipIds ? `and t.id in (${townshipIds.map(() => '?::uuid').join(', ')})` : '';
    // The catalog, the townships (with what completeness needs) and every reported figure in ONE
    // statement, as one JSON document: per report (and per township-year of annual figures) one object
    // of figures, so no township id is repeated per figure. Through the read batcher, so sibling analytics
    // fields of one request (a headline's trends beside its reporting board) fold into one statement.
    const [figures] = (await readRows(this.em, {
      sql: `select
           ${catalogJson.sql} as catalog,
           (select coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'deputies',
                     (select count(*) from deputy d where d.county_id = ?::uuid and d.township_id = t.id and d.status = 'ACTIVE'),
                     'reportingSince', ${REPORTING_SINCE_SQL('t', '?::uuid')},
                     'coverage', (select json_object_agg(c.record_kind, c.recorded_since) from record_coverage c
                                   where c.county_id = ?::uuid and c.township_id = t.id)) order by t.code), '[]')
              from township t where t.county_id = ?::uuid ${townshipFilter}) as townships,
           (select coalesce(json_agg(r), '[]') from (
              select q.township_id, q.year, q.quarter,
                     json_object_agg(v.metric_key, json_build_array(v.reported_value, v.provenance, v.qualifier)) as figures
                from quarterly_report q join quarterly_report_value v on v.county_id = q.county_id and v.report_id = q.id
               where q.county_id = ?::uuid and q.state in ('SUBMITTED', 'ACCEPTED') and q.year in (${yearList})
               group by q.id, q.county_id, q.township_id -- the whole key: q.township_id, year, quarter depend on it
              union all
              select f.township_id, f.year, 0,
                     json_object_agg(f.metric_key, json_build_array(f.value, f.provenance, f.qualifier))
                from period_figure f
               where f.county_id = ?::uuid and f.period_kind = 'YEAR' and f.year in (${yearList})
               group by f.township_id, f.year) r) as reported,
           (select coalesce(json_agg(json_build_object('township_id', q.township_id, 'year', q.year,
                     'quarter', q.quarter, 'state', q.state)), '[]')
              from quarterly_report q where q.county_id = ?::uuid and q.year in (${yearList})) as filed,
           (select coalesce(json_agg(json_build_object('year', d.year, 'quarter', d.quarter, 'due_at', d.due_at)), '[]')
              from reporting_deadline d where d.county_id = ?::uuid and d.year in (${yearList})) as deadlines`,
      params: [
        // The county as a value in each correlated part too: Citus routes a subquery only by its own filter.
        countyId,
        countyId,
        countyId,
        countyId,
        countyId,
        ...(townshipIds ?? []),
        countyId,
        ...years,
        countyId,
        ...years,
        countyId,
        ...years,
        countyId,
        ...years,
      ],
      columns: FIGURES_COLUMNS,
    })) as unknown as FiguresDocument[];
    const catalog = catalogJson.read(this.em, figures!.catalog);
    const townshipRows = figures!.townships;
    const townships: TownshipRow[] = townshipRows.map(({ id, code, name, deputies }) => ({
      id,
      code,
      name,
      deputies: Number(deputies),
    }));
    const reported = new ReportedFigures(figures!.reported);
    const annualReports = new Set(
      figures!.reported.filter((r) => r.quarter === 0).map((r) => `${r.township_id}|${r.year}`),
    );
    const completeness = new Completeness(townshipRows, figures!.filed, figures!.deadlines, annualReports, now);
    const byKey = new Map(catalog.map((m) => [m.key, m]));
    const townshipIndex = new Map(townships.map((t, i) => [t.id, i]));
    const metricIndex = new Map<string, number>();

    // Slots: the periods asked for, then the four quarters of each (used for a year whose quarters were
    // partly reported). Resolved values are cached per (township, slot, metric) as one number.
    const slots: Period[] = [...periods];
    const quarterSlot = new Map<string, number>();
    for (const period of periods) {
      if (period.quarter !== null) continue;
      for (const quarter of [1, 2, 3, 4]) {
        const key = `${period.year}|${quarter}`;
        if (quarterSlot.has(key)) continue;
        quarterSlot.set(key, slots.length);
        slots.push(analyticsPeriod(period.year, quarter, []));
      }
    }
    const slotOfQuarter = (year: number, quarter: number) => quarterSlot.get(`${year}|${quarter}`)!;
    const cache = new Map<number, ResolvedValue>();

    const reportedOf = (townshipId: string, period: Period, key: string): Reported | undefined =>
      reported.get(townshipId, period.year, period.quarter ?? 0, key);
    /** A year without its own figure whose quarters were (partly) reported is built from its quarters. */
    const fromQuarters = (townshipId: string, period: Period, key: string): boolean =>
      period.quarter === null &&
      !reportedOf(townshipId, period, key) &&
      [1, 2, 3, 4].some((q) => reported.get(townshipId, period.year, q, key));

    // The recorded counts some requested figure falls back to: its metric or rate parts, unreported.
    const countKeysOf = (metric: MetricDefinition): readonly string[] =>
      metric.kind === MetricKind.COUNT ? [metric.key] : (rateParts(metric) ?? []);
    const requested = metricKeys ? metricKeys.flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : [])) : catalog;
    const neededKeys = new Set<string>();
    const neededSlots = new Set<number>();
    for (const key of new Set(requested.flatMap(countKeysOf))) {
      if (!RECORDED_METRIC_SQL[key]) continue;
      periods.forEach((period, periodIndex) => {
        for (const t of townships) {
          if (fromQuarters(t.id, period, key)) {
            for (const q of [1, 2, 3, 4]) {
              if (reported.get(t.id, period.year, q, key)) continue;
              neededKeys.add(key);
              neededSlots.add(slotOfQuarter(period.year, q));
            }
          } else if (!reportedOf(t.id, period, key)) {
            neededKeys.add(key);
            neededSlots.add(periodIndex);
          }
        }
      });
    }
    const recorded = await queryRecordedCountsWithSynthetic(
      this.em,
      { countyId, townshipIds },
      slots.map((p, i) => (neededSlots.has(i) ? p : null)),
      [...neededKeys],
    );

    /** A count from records: RECORDED where complete, a lower bound where not, else unknown. */
    const fromRecords = (townshipId: string, slot: number, key: string): ResolvedValue => {
      const period = slots[slot]!;
      const status = completeness.records(townshipId, period, RECORDED_METRIC_SQL[key]!.recordKinds);
      if (status.notStarted) return unknownValue(UnknownReason.NOT_STARTED);
      const value = recorded.counts.get(townshipId)?.get(slot)?.get(key) ?? null;
      const generated = recorded.synthetic.get(townshipId)?.get(slot)?.get(key) ?? 0;
      // Incomplete records prove "at least this many"; none at all prove nothing.
      if (value === null || (!status.complete && value <= 0)) {
        return unknownValue(status.complete ? UnknownReason.NOT_RECORDED : completeness.reason(townshipId, period));
      }
      return {
        value,
        numerator: null,
        denominator: null,
        provenance: generated > 0 ? Provenance.SYNTHETIC : Provenance.RECORDED,
        qualifier: status.complete ? FigureQualifier.EXACT : FigureQualifier.AT_LEAST,
        unknownReason: null,
        provisional: status.provisional,
        syntheticShare: value > 0 ? Math.min(generated / value, 1) : 0,
      };
    };

    const countOf = (townshipId: string, slot: number, key: string): ResolvedValue => {
      const period = slots[slot]!;
      const figure = reportedOf(townshipId, period, key);
      if (figure) return fromReported(figure);
      if (fromQuarters(townshipId, period, key)) {
        const quarters = [1, 2, 3, 4].map((q) => countOf(townshipId, slotOfQuarter(period.year, q), key));
        const known = quarters.filter((q) => q.value !== null);
        if (known.length === 0) return unknownValue(combinedReason(quarters));
        const notStarted = quarters.some((q) => q.unknownReason === UnknownReason.NOT_STARTED);
        const sum = sumOf(known, known.length < 4 && !notStarted);
        return notStarted ? { ...sum, provisional: true } : sum;
      }
      if (!RECORDED_METRIC_SQL[key]) {
        return unknownValue(completeness.reason(townshipId, period));
      }
      return fromRecords(townshipId, slot, key);
    };

    const rateOf = (townshipId: string, slot: number, metric: MetricDefinition): ResolvedValue => {
      const parts = rateParts(metric);
      const [num, den] = parts
        ? [countOf(townshipId, slot, parts[0]), countOf(townshipId, slot, parts[1])]
        : [null, null];
      const direct = reportedOf(townshipId, slots[slot]!, metric.key);
      const value = num && den ? percentage(num.value, den.value) : null;
      if (num && den && value !== null) {
        const qualifier = rateQualifier([num, den]);
        // A reported rate beats one divided from bounds or estimates.
        if (qualifier === FigureQualifier.EXACT || !direct || direct.value === null) {
          return {
            value,
            numerator: num.value,
            denominator: den.value,
            provenance: weakestProvenance([num, den]),
            qualifier,
            unknownReason: null,
            provisional: num.provisional || den.provisional,
            syntheticShare: Math.max(num.syntheticShare ?? 0, den.syntheticShare ?? 0),
          };
        }
      }
      if (direct) return fromReported(direct);
      const reason = num && den ? combinedReason([num, den]) : completeness.reason(townshipId, slots[slot]!);
      return { ...unknownValue(reason), numerator: num?.value ?? null, denominator: den?.value ?? null };
    };

    const get = (townshipId: string, periodIndex: number, metricKey: string): ResolvedValue => {
      const township = townshipIndex.get(townshipId);
      let metricSlot = metricIndex.get(metricKey);
      if (metricSlot === undefined) {
        metricSlot = metricIndex.size;
        metricIndex.set(metricKey, metricSlot);
      }
      const cacheKey =
        township === undefined ? -1 : (metricSlot * townships.length + township) * slots.length + periodIndex;
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const metric = byKey.get(metricKey);
      const result = !metric
        ? unknownValue(UnknownReason.NOT_RECORDED)
        : metric.kind === MetricKind.COUNT
          ? countOf(townshipId, periodIndex, metricKey)
          : rateOf(townshipId, periodIndex, metric);
      if (cacheKey >= 0) cache.set(cacheKey, result);
      return result;
    };

    return {
      catalog,
      townships,
      get,
    };
  }
}
