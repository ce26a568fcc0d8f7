import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { AGGREGATE_CATALOG, COUNTY } from './aggregate-catalog.js';
import { AggregateDimension } from './aggregate-dimension.enum.js';
import type { AggregateInput } from './dto/aggregate.input.js';
import type { AggregateResult } from './dto/aggregate-result.type.js';
import { analyticsErrors } from './analytics.errors.js';

/** One grouped statement per request; only whitelisted expressions (aggregate-catalog.ts) reach SQL. */
export class AggregateService {
  constructor(private readonly em: EntityManager) {}

  async aggregate(countyId: string, input: AggregateInput): Promise<AggregateResult> {
    const subject = AGGREGATE_CATALOG[input.subject];
    if (new Set(input.groupBy).size !== input.groupBy.length) throw analyticsErrors.dimensionTwice();
    const keys = input.groupBy.map((dimension, i) => {
      if (dimension === AggregateDimension.TOWNSHIP) return 't.name';
      const sql = subject.dimensions[dimension];
      if (!sql) throw analyticsErrors.dimensionNotAllowed(i, input.subject, dimension);
      return sql;
    });
    const params: unknown[] = [countyId];
    const where = ['x.county_id = ?::uuid'];
    if ((input.from || input.to) && !subject.date) throw analyticsErrors.subjectHasNoDate(input.subject);
    if (input.from) {
      where.push(`${subject.date} >= ?::date`);
      params.push(input.from);
    }
    if (input.to) {
      where.push(`${subject.date} <= ?::date`);
      params.push(input.to);
    }
    if (input.townshipIds) {
      input.townshipIds.forEach((id, i) => assertUuid(id, ['input', 'townshipIds', i]));
      where.push(
        input.townshipIds.length ? `x.township_id in (${input.townshipIds.map(() => '?::uuid').join(', ')})` : 'false',
      );
      params.push(...input.townshipIds);
    }
    const select = keys.map((k, i) => `${k} as k${i}`);
    const measure = subject.measure?.sql.split(COUNTY) ?? null;
    const sum = measure ? `sum(${measure.join('?::uuid')})` : 'null';
    // The measure's county parameters come first: the select list precedes the where clause.
    params.unshift(...(measure ? measure.slice(1).map(() => countyId) : []));
    const groupBy = keys.length
      ? `group by ${keys.map((_k, i) => i + 1).join(', ')} order by ${keys.map((_k, i) => i + 1).join(', ')}`
      : '';
    const rows = await this.em.execute<Record<string, string | number | null>[]>(
      `select ${[...select, 'count(*) as n', `${sum} as s`].join(', ')}
         from ${subject.table} x join township t on t.county_id = x.county_id and t.id = x.township_id
        where ${where.join(' and ')} ${groupBy}`,
      params,
    );
    return {
      subject: input.subject,
      groupBy: input.groupBy,
      measure: subject.measure?.label ?? null,
      rows: rows.map((row) => ({
        keys: keys.map((_k, i) => (row[`k${i}`] === null ? null : String(row[`k${i}`]))),
        count: Number(row['n']),
        sum: row['s'] === null ? null : Number(row['s']),
      })),
    };
  }
}
