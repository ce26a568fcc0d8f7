import type { EntityMetadata } from '@mikro-orm/core';
import { commonErrors } from '../errors/common.errors.js';

/** Opaque cursors: the sort-key values of the last row seen, so pages stay stable under inserts. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Whether a decoded cursor value can be a value of one sort column. */
export type CursorKeyCheck = (value: unknown) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER_RANGE: Record<string, number> = {
  smallint: 2 ** 15,
  int2: 2 ** 15,
  int: 2 ** 31,
  integer: 2 ** 31,
  int4: 2 ** 31,
};

const isDay = (value: unknown) =>
  typeof value === 'string' &&
  DAY.test(value) &&
  !value.startsWith('0000') &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isInstant = (value: unknown) => {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return (
    !Number.isNaN(time) && time >= Date.parse('0001-01-01T00:00:00Z') && time <= Date.parse('9999-12-31T23:59:59Z')
  );
};

/**
 * What the keyset condition will compare a cursor value with: the column's own type. A cursor is only
 * base64 JSON, so one that decodes but carries other types (a string where an integer goes, NUL in a
 * name) is refused here instead of failing in PostgreSQL.
 */
export function cursorKeyCheck(meta: EntityMetadata, column: string): CursorKeyCheck {
  const prop = meta.props.find((p) => p.fieldNames?.includes(column));
  const type = (prop?.columnTypes?.[0] ?? '').toLowerCase();
  const base = type.replace(/\(.*$/, '').trim();
  const nullable = prop?.nullable === true;
  const check =
    (accepts: CursorKeyCheck): CursorKeyCheck =>
    (value) =>
      value === null ? nullable : accepts(value);
  if (base === 'uuid') return check((v) => typeof v === 'string' && UUID.test(v));
  const bound = INTEGER_RANGE[base];
  if (bound !== undefined) return check((v) => Number.isInteger(v) && Math.abs(v as number) < bound);
  if (base === 'date') return check(isDay);
  if (base.startsWith('timestamp')) return check(isInstant);
  if (base === 'boolean') return check((v) => typeof v === 'boolean');
  if (/^(numeric|decimal|real|double|float)/.test(base))
    return check((v) => typeof v === 'number' && Number.isFinite(v));
  // text and varchar; anything else compares as text too
  return check((v) => typeof v === 'string' && !/[\p{Cc}\p{Cs}]/u.test(v) && v.length <= 1000);
}

export function decodeCursor(
  cursor: string,
  keys: readonly CursorKeyCheck[],
  field: readonly string[] = ['after'],
): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== keys.length || !decoded.every((v, i) => keys[i]!(v))) {
    throw commonErrors.invalidCursor(field);
  }
  return decoded;
}
