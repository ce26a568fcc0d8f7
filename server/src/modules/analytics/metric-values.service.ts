import type { EntityManager } from '@mikro-orm/postgresql';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { catalogJson } from '../metric/catalog-json.js';
import type { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { RECORDED_METRIC_SQL } from '../metric/recorded-metric-sql.js';
import { queryRecordedCounts } from '../metric/recorded-counts-query.js';
import { percentage, recordedRateParts } from '../metric/recorded-metrics.service.js';
import type { Period } from './dto/period.type.js';
import { UnknownReason } from './unknown-reason.enum.js';
import { ReportedFigures, type Reported, type ReportedRow } from './reported-figures.js';

/** A figure for one township, period and metric, with where it came from. */
export interface ResolvedValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provenance: Provenance | null;
  qualifier: FigureQualifier;
  unknownReason: UnknownReason | null;
  provisional: boolean;
  syntheticShare: number | null;
}

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

const UNKNOWN: ResolvedValue = {
  value: null,
  numerator: null,
  denominator: null,
  provenance: null,
  qualifier: FigureQualifier.EXACT,
  unknownReason: UnknownReason.NOT_RECORDED,
  provisional: false,
  syntheticShare: null,
};
/** Synthetic demo data taints whatever it is combined with; recorded counts rank below what was reported. */
const TRUST: Record<Provenance, number> = { SYNTHETIC: 0, RECORDED: 1, REPORTED: 2 };

function weakest(parts: readonly ResolvedValue[]): Provenance | null {
  const known = parts.map((p) => p.provenance).filter((p): p is Provenance => p !== null);
  return known.length === 0 ? null : known.reduce((a, b) => (TRUST[a] <= TRUST[b] ? a : b));
}

function loosest(parts: readonly ResolvedValue[]): FigureQualifier {
  if (parts.some((p) => p.qualifier === FigureQualifier.APPROXIMATE)) return FigureQualifier.APPROXIMATE;
  if (parts.some((p) => p.qualifier === FigureQualifier.AT_LEAST)) return FigureQualifier.AT_LEAST;
  return FigureQualifier.EXACT;
}

/** A rate's parts: its own numerator and denominator, else the recorded parts (hidden ones included). */
function rateParts(metric: MetricDefinition): readonly [string, string] | null {
  return metric.numeratorKey && metric.denominatorKey
    ? [metric.numeratorKey, metric.denominatorKey]
    : recordedRateParts(metric);
}

/** A reported figure as a resolved value (a reported rate carries no parts). */
function fromReported(figure: Reported): ResolvedValue {
  return {
    ...UNKNOWN,
    value: figure.value,
    numerator: null,
    denominator: null,
    provenance: figure.provenance,
    qualifier: figure.qualifier,
  };
}

/**
 * Resolves metrics for townships × periods of a county in a fixed number of SQL statements (catalog;
 * townships with deputy counts and reported figures; recorded counts when needed), however many
 * townships or records there are. Precedence: a figure the township reported
 * (an annual report, or a submitted or accepted quarterly report) over one counted from records; a
 * year without an annual figure sums its four reported quarters; rates divide their resolved parts.
 * Records are counted only for the metrics asked for and only where a figure was not reported: a
 * comparison of reported quarters reads no records at all.
 */
export class MetricValuesService {
  constructor(private readonly em: EntityManager) {}

  async resolve(
    countyId: string,
    townshipIds: readonly string[] | null,
    periods: readonly Period[],
    /** The metrics the caller will `get` (null: every metric); others resolve without their recorded counts. */
    metricKeys: readonly string[] | null = null,
  ): Promise<ValueTable> {
    const years = [...new Set(periods.map((p) => p.year))];
    const yearList = years.map(() => '?').join(', ');
    const townshipFilter = townshipIds ? `and t.id in (${townshipIds.map(() => '?::uuid').join(', ')})` : '';
    // The catalog, the townships and every reported figure in ONE statement, as one JSON document: per
    // report (and per township-year of annual figures) one object of figures, so no township id is
    // repeated per figure.
    const [figures] = await this.em.execute<
      { catalog: Record<string, unknown>[]; townships: TownshipRow[]; reported: ReportedRow[] }[]
    >(
      `select
           ${catalogJson.sql} as catalog,
           (select coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'deputies',
                     (select count(*) from deputy d where d.township_id = t.id and d.status = 'ACTIVE')) order by t.code), '[]')
              from township t where t.county_id = ?::uuid ${townshipFilter}) as townships,
           (select coalesce(json_agg(r), '[]') from (
              select q.township_id, q.year, q.quarter,
                     json_object_agg(v.metric_key, json_build_array(v.reported_value, v.provenance, v.qualifier)) as figures
                from quarterly_report q join quarterly_report_value v on v.report_id = q.id
               where q.county_id = ?::uuid and q.state in ('SUBMITTED', 'ACCEPTED') and q.year in (${yearList})
               group by q.id
              union all
              select f.township_id, f.year, 0,
                     json_object_agg(f.metric_key, json_build_array(f.value, f.provenance, f.qualifier))
                from period_figure f
               where f.county_id = ?::uuid and f.period_kind = 'YEAR' and f.year in (${yearList})
               group by f.township_id, f.year) r) as reported`,
      [countyId, ...(townshipIds ?? []), countyId, ...years, countyId, ...years],
    );
    const catalog = catalogJson.read(this.em, figures!.catalog);
    const townships = figures!.townships;
    const reported = new ReportedFigures(figures!.reported);
    const byKey = new Map(catalog.map((m) => [m.key, m]));
    const townshipIndex = new Map(townships.map((t, i) => [t.id, i]));
    const metricIndex = new Map<string, number>();
    // (township, period, metric) as one number: see ReportedFigures for why not a string key.
    const cache = new Map<number, ResolvedValue>();

    const reportedOf = (townshipId: string, period: Period, key: string): Reported | null => {
      if (period.quarter !== null) return reported.get(townshipId, period.year, period.quarter, key) ?? null;
      const yearly = reported.get(townshipId, period.year, 0, key);
      if (yearly) return yearly;
      const quarters = [1, 2, 3, 4].map((q) => reported.get(townshipId, period.year, q, key));
      if (quarters.some((q) => !q) || byKey.get(key)?.kind !== MetricKind.COUNT) return null;
      const parts = quarters as Reported[];
      const known = parts.every((p) => p.value !== null);
      return {
        value: known ? parts.reduce((sum, p) => sum + (p.value ?? 0), 0) : null,
        provenance: weakest(parts.map((p) => ({ ...UNKNOWN, provenance: p.provenance })))!,
        qualifier: loosest(parts.map((p) => ({ ...UNKNOWN, qualifier: p.qualifier }))),
      };
    };

    // The recorded counts some requested figure falls back to: its metric or rate parts, unreported.
    const countKeysOf = (metric: MetricDefinition): readonly string[] =>
      metric.kind === MetricKind.COUNT ? [metric.key] : (rateParts(metric) ?? []);
    const requested = metricKeys ? metricKeys.flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : [])) : catalog;
    const neededKeys = new Set<string>();
    const neededPeriods = new Set<number>();
    for (const key of new Set(requested.flatMap(countKeysOf))) {
      if (!RECORDED_METRIC_SQL[key]) continue;
      periods.forEach((period, periodIndex) => {
        if (townships.some((t) => !reportedOf(t.id, period, key))) {
          neededKeys.add(key);
          neededPeriods.add(periodIndex);
        }
      });
    }
    const recorded = await queryRecordedCounts(
      this.em,
      { countyId, townshipIds },
      periods.map((p, i) => (neededPeriods.has(i) ? p : null)),
      [...neededKeys],
    );

    const countOf = (townshipId: string, periodIndex: number, key: string): ResolvedValue => {
      const figure = reportedOf(townshipId, periods[periodIndex]!, key);
      if (figure) return fromReported(figure);
      if (!RECORDED_METRIC_SQL[key]) return UNKNOWN;
      const value = recorded.get(townshipId)?.get(periodIndex)?.get(key) ?? null;
      return {
        ...UNKNOWN,
        value,
        numerator: null,
        denominator: null,
        provenance: value === null ? null : Provenance.RECORDED,
        qualifier: FigureQualifier.EXACT,
      };
    };

    const get = (townshipId: string, periodIndex: number, metricKey: string): ResolvedValue => {
      const township = townshipIndex.get(townshipId);
      let metricSlot = metricIndex.get(metricKey);
      if (metricSlot === undefined) {
        metricSlot = metricIndex.size;
        metricIndex.set(metricKey, metricSlot);
      }
      const cacheKey =
        township === undefined ? -1 : (metricSlot * townships.length + township) * periods.length + periodIndex;
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const metric = byKey.get(metricKey);
      let result = UNKNOWN;
      if (metric?.kind === MetricKind.COUNT) result = countOf(townshipId, periodIndex, metricKey);
      else if (metric) {
        const parts = rateParts(metric);
        const [num, den] = parts
          ? [countOf(townshipId, periodIndex, parts[0]), countOf(townshipId, periodIndex, parts[1])]
          : [UNKNOWN, UNKNOWN];
        const value = percentage(num.value, den.value);
        if (value !== null) {
          result = {
            ...UNKNOWN,
            value,
            numerator: num.value,
            denominator: den.value,
            provenance: weakest([num, den]),
            qualifier: loosest([num, den]),
          };
        } else {
          const direct = reportedOf(townshipId, periods[periodIndex]!, metricKey);
          result = direct ? fromReported(direct) : { ...UNKNOWN, numerator: num.value, denominator: den.value };
        }
      }
      result = {
        ...result,
        unknownReason: result.value === null ? UnknownReason.NOT_RECORDED : null,
        syntheticShare: result.value === null ? null : result.provenance === Provenance.SYNTHETIC ? 1 : 0,
      };
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
