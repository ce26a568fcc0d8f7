import { assertUuid } from '../ids/assert-uuid.js';
import { quoteIdentifier } from './quote-identifier.js';

const ID_COLUMN = /(^|_)id$/;

/** `township_id` → ['filter', 'townshipId']: where a bad id came from, in the client's terms. */
function filterField(column: string): string[] {
  return ['filter', column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
}

function checkIds(column: string, values: readonly unknown[]): void {
  if (!ID_COLUMN.test(column)) return;
  for (const value of values) if (typeof value === 'string') assertUuid(value, filterField(column));
}

/**
 * A conjunction of SQL conditions with positional `?` parameters, built from typed filters.
 * Columns are quoted here; values are always parameters, never spliced into the text.
 */
export class SqlWhere {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  constructor(private readonly alias: string) {}

  column(name: string): string {
    return `${this.alias}.${quoteIdentifier(name)}`;
  }

  eq(column: string, value: unknown): this {
    if (value === undefined) return this;
    if (value === null) return this.raw(`${this.column(column)} is null`);
    checkIds(column, [value]);
    return this.raw(`${this.column(column)} = ?`, value);
  }

  in(column: string, values: readonly unknown[] | undefined | null): this {
    if (!values) return this;
    if (values.length === 0) return this.raw('false');
    checkIds(column, values);
    return this.raw(`${this.column(column)} in (${values.map(() => '?').join(', ')})`, ...values);
  }

  gte(column: string, value: unknown): this {
    return value === undefined || value === null ? this : this.raw(`${this.column(column)} >= ?`, value);
  }

  lte(column: string, value: unknown): this {
    return value === undefined || value === null ? this : this.raw(`${this.column(column)} <= ?`, value);
  }

  gt(column: string, value: unknown): this {
    return value === undefined || value === null ? this : this.raw(`${this.column(column)} > ?`, value);
  }

  raw(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.parts.length === 0 ? 'true' : this.parts.map((p) => `(${p})`).join(' and ');
  }
}
