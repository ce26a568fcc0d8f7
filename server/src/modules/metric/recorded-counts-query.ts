import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../common/entities/read-batcher.js';
import { RECORD_SOURCES, RECORDED_METRIC_SQL, type RecordSource } from './recorded-metric-sql.js';
import { quoteIdentifier } from '../../common/sql/quote-identifier.js';

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

/** The counts, and how much of each comes from generated (SYNTHETIC) rows: townshipId → period → key → part. */
export interface RecordedCountsWithSynthetic {
  counts: RecordedCounts;
  synthetic: Map<string, Map<number, Map<string, number>>>;
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
  return (await countRecords(em, scope, periods, keys, false)).counts;
}

/** As `queryRecordedCounts`, with the part of each count that generated rows make (same one statement). */
export function queryRecordedCountsWithSynthetic(
  em: EntityManager,
  scope: CountScope,
  periods: readonly (DateRange | null)[],
  keys: readonly string[],
): Promise<RecordedCountsWithSynthetic> {
  return countRecords(em, scope, periods, keys, true);
}

const syntheticColumn = (key: string) => `${key}#synthetic`;

async function countRecords(
  em: EntityManager,
  scope: CountScope,
  periods: readonly (DateRange | null)[],
  keys: readonly string[],
  withSynthetic: boolean,
): Promise<RecordedCountsWithSynthetic> {
  const statement = recordedCountsStatement(scope, periods, keys, withSynthetic);
  if (!statement) return { counts: new Map(), synthetic: new Map() };
  // Through the read batcher: the counts of sibling fields (two trends of one headline) fold into one statement.
  return statement.read(await readRows(em, statement));
}

/** The counting statement (`?` placeholders) and how to read its rows, for a caller that sends it itself. */
export interface RecordedCountsStatement {
  sql: string;
  params: unknown[];
  /** The columns each row carries, by name (the read batcher folds by them). */
  columns: string[];
  /** Rows as the statement returns them, or as JSON objects of the same columns. */
  read(rows: readonly Record<string, unknown>[]): RecordedCountsWithSynthetic;
}

/**
 * The statement `queryRecordedCounts` sends, built but not sent (null when there is nothing to count):
 * its text depends only on the keys, the number of periods and of townships, so a hot path can send it
 * as a prepared statement or embed it in a statement of its own.
 */
export function recordedCountsStatement(
  scope: CountScope,
  periods: readonly (DateRange | null)[],
  keys: readonly string[] = Object.keys(RECORDED_METRIC_SQL),
  withSynthetic = false,
): RecordedCountsStatement | null {
  const counted = keys.filter((k) => RECORDED_METRIC_SQL[k]);
  if (counted.length === 0 || periods.every((p) => p === null)) return null;
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
    const { from, date, scope: alias, precision } = RECORD_SOURCES[source];
    params.push(scope.countyId);
    const where = `${alias}.county_id = ?::uuid${townshipFilter(`${alias}.township_id`)}`;
    const aggregates = sourceKeys
      .flatMap((k) => [
        `${RECORDED_METRIC_SQL[k]!.aggregate} as ${quoteIdentifier(k)}`,
        ...(withSynthetic
          ? [`${RECORDED_METRIC_SQL[k]!.syntheticAggregate} as ${quoteIdentifier(syntheticColumn(k))}`]
          : []),
      ])
      .join(', ');
    // A date known only to its year (stored as January 1st) belongs to no quarter: it counts only in
    // periods that hold the whole year.
    const wholeYear = precision
      ? ` and (${precision} <> 'YEAR' or (p.date_from <= date_trunc('year', ${date})::date and p.date_to >= (date_trunc('year', ${date}) + interval '1 year - 1 day')::date))`
      : '';
    return `s_${source} as (select ${alias}.township_id, p.idx, ${aggregates} from ${from}
      join periods p on ${date} between p.date_from and p.date_to${wholeYear} where ${where} group by ${alias}.township_id, p.idx)`;
  });
  params.push(scope.countyId);
  const outerFilter = townshipFilter('t.id');
  const columns = [...bySource].flatMap(([source, sourceKeys]) =>
    sourceKeys.flatMap((k) => [
      `s_${source}.${quoteIdentifier(k)}`,
      ...(withSynthetic ? [`s_${source}.${quoteIdentifier(syntheticColumn(k))}`] : []),
    ]),
  );
  const joins = [...bySource.keys()].map((s) => `left join s_${s} on s_${s}.township_id = t.id and s_${s}.idx = p.idx`);
  const sql = `with periods(idx, date_from, date_to) as (values ${periodRows.join(', ')}), ${ctes.join(', ')}
    select t.id as township_id, p.idx, ${columns.join(', ')} from township t cross join periods p ${joins.join(' ')}
    where t.county_id = ?::uuid${outerFilter}`;
  const names = [
    'township_id',
    'idx',
    ...[...bySource.values()].flat().flatMap((k) => (withSynthetic ? [k, syntheticColumn(k)] : [k])),
  ];
  return { sql, params, columns: names, read: (rows) => readCounts(rows, counted, withSynthetic) };
}

function readCounts(
  rows: readonly Record<string, unknown>[],
  counted: readonly string[],
  withSynthetic: boolean,
): RecordedCountsWithSynthetic {
  const result: RecordedCounts = new Map();
  const synthetic: RecordedCountsWithSynthetic['synthetic'] = new Map();
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
    if (withSynthetic) {
      const generated = new Map<string, number>();
      for (const key of counted) generated.set(key, Number(row[syntheticColumn(key)] ?? 0));
      const bySyntheticPeriod = synthetic.get(township) ?? new Map<number, Map<string, number>>();
      synthetic.set(township, bySyntheticPeriod);
      bySyntheticPeriod.set(Number(row['idx']), generated);
    }
  }
  return { counts: result, synthetic };
}
