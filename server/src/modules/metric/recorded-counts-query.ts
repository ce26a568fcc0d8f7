import type { EntityManager } from '@mikro-orm/postgresql';
import { RECORD_SOURCES, RECORDED_METRIC_SQL, type RecordSource } from './recorded-metric-sql.js';

export interface DateRange {
  from: string;
  to: string;
}

export interface CountScope {
  countyId: string;
  /** null: every township of the county (row-level security still applies). */
  townshipIds: readonly string[] | null;
}

/** townshipId → period index → metric key → count (null: unknown, e.g. voters without an election). */
export type RecordedCounts = Map<string, Map<number, Map<string, number | null>>>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The column that says how precise a source's date is, for sources whose date may be a month or a year only. */
const PRECISION_COLUMN: Partial<Record<RecordSource, string>> = {
  activity: 'x.date_precision',
  election: 'x.date_precision',
  congress_attendance: 'xa.date_precision',
};

/**
 * A record dated to the month or the year only counts in a period that holds the whole month or year:
 * a year-only election belongs to the year, not to the quarter its stored January 1st falls in.
 */
function precisionFits(source: RecordSource, date: string): string {
  const column = PRECISION_COLUMN[source];
  if (!column) return '';
  return ` and (${column} = 'DAY'
      or (${column} = 'MONTH' and p.date_from <= date_trunc('month', ${date})::date
          and p.date_to >= (date_trunc('month', ${date}) + interval '1 month - 1 day')::date)
      or (${column} = 'YEAR' and p.date_from <= date_trunc('year', ${date})::date
          and p.date_to >= (date_trunc('year', ${date}) + interval '1 year - 1 day')::date))`;
}

/**
 * Counts record-based metrics for townships × periods in ONE statement, whatever their number: each
 * record source is scanned once (through an index leading with county_id), joined to the periods and
 * grouped by (township, period). `keys` limits the count to the metrics a caller needs (default: all);
 * a `null` period is not counted but keeps the other periods' indexes.
 */
export async function queryRecordedCounts(
  em: EntityManager,
  scope: CountScope,
  periods: readonly (DateRange | null)[],
  keys: readonly string[] = Object.keys(RECORDED_METRIC_SQL),
): Promise<RecordedCounts> {
  const result: RecordedCounts = new Map();
  const counted = keys.filter((k) => RECORDED_METRIC_SQL[k]);
  if (counted.length === 0 || periods.every((p) => p === null)) return result;
  const bySource = new Map<RecordSource, string[]>();
  for (const key of counted) {
    const source = RECORDED_METRIC_SQL[key]!.source;
    bySource.set(source, [...(bySource.get(source) ?? []), key]);
  }
  const params: unknown[] = [];
  const periodRows = periods.flatMap((p, i) => {
    if (!p) return [];
    params.push(p.from, p.to);
    return [`(${i}, ?::date, ?::date)`];
  });
  const townshipFilter = (column: string) => {
    if (!scope.townshipIds) return '';
    params.push(...scope.townshipIds);
    return ` and ${column} in (${scope.townshipIds.map(() => '?::uuid').join(', ')})`;
  };
  const ctes = [...bySource].map(([source, sourceKeys]) => {
    const { from, date, scope: alias } = RECORD_SOURCES[source];
    params.push(scope.countyId);
    const where = `${alias}.county_id = ?::uuid${townshipFilter(`${alias}.township_id`)}`;
    const aggregates = sourceKeys.map((k) => `${RECORDED_METRIC_SQL[k]!.aggregate} as ${quote(k)}`).join(', ');
    return `s_${source} as (select ${alias}.township_id, p.idx, ${aggregates} from ${from}
      join periods p on ${date} between p.date_from and p.date_to${precisionFits(source, date)} where ${where}
      group by ${alias}.township_id, p.idx)`;
  });
  params.push(scope.countyId);
  const outerFilter = townshipFilter('t.id');
  const columns = [...bySource].flatMap(([source, sourceKeys]) => sourceKeys.map((k) => `s_${source}.${quote(k)}`));
  const joins = [...bySource.keys()].map((s) => `left join s_${s} on s_${s}.township_id = t.id and s_${s}.idx = p.idx`);
  const sql = `with periods(idx, date_from, date_to) as (values ${periodRows.join(', ')}), ${ctes.join(', ')}
    select t.id as township_id, p.idx, ${columns.join(', ')} from township t cross join periods p ${joins.join(' ')}
    where t.county_id = ?::uuid${outerFilter}`;
  const rows = await em.execute<Record<string, string | number | null>[]>(sql, params);

  for (const row of rows) {
    const township = String(row['township_id']);
    const byPeriod = result.get(township) ?? new Map<number, Map<string, number | null>>();
    result.set(township, byPeriod);
    const values = new Map<string, number | null>();
    for (const key of counted) {
      const raw = row[key];
      values.set(
        key,
        raw === null || raw === undefined ? (RECORDED_METRIC_SQL[key]!.zeroWhenEmpty ? 0 : null) : Number(raw),
      );
    }
    byPeriod.set(Number(row['idx']), values);
  }
  return result;
}
