/** A cell value a table can hold. */
export type CellValue = string | number | boolean | null | undefined;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface FoundList {
  /** Where the list was found, e.g. ["townships", "nodes"]. */
  path: string[];
  items: unknown[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first list in a result, depth first in field order (the explorer tabulates it). */
export function findFirstList(data: unknown, path: string[] = []): FoundList | null {
  if (Array.isArray(data)) return { path, items: data };
  if (!isObject(data)) return null;
  for (const [key, value] of Object.entries(data)) {
    const found = findFirstList(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

export interface FlatTable {
  columns: string[];
  rows: Record<string, CellValue>[];
}

function flattenInto(target: Record<string, CellValue>, value: unknown, prefix: string): void {
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) target[prefix] = null;
    for (const [key, child] of entries) flattenInto(target, child, prefix ? `${prefix}.${key}` : key);
  } else if (Array.isArray(value)) {
    target[prefix] = value.every((v) => v === null || typeof v !== 'object')
      ? value.map((v) => (v === null ? '' : String(v))).join('; ')
      : JSON.stringify(value as Json);
  } else if (value === null || value === undefined) {
    target[prefix || 'value'] = null;
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    target[prefix || 'value'] = value;
  } else {
    target[prefix || 'value'] = String(value);
  }
}

/**
 * Rows of a table from a list: nested objects become dotted columns ("township.name"), lists of values
 * are joined with "; ", lists of objects kept as JSON. Columns in first-seen order.
 */
export function flattenRows(items: readonly unknown[]): FlatTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = items.map((item) => {
    const row: Record<string, CellValue> = {};
    flattenInto(row, item, '');
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    return row;
  });
  return { columns, rows };
}

/** Columns whose known values are all numbers (at least one known): the ones a chart can plot. */
export function numericColumns(table: FlatTable): string[] {
  return table.columns.filter((column) => {
    let known = 0;
    for (const row of table.rows) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      if (typeof value !== 'number') return false;
      known += 1;
    }
    return known > 0;
  });
}

/** The first list of a result as a table, or null when the result holds no list. */
export function tableFromResult(data: unknown): (FlatTable & { path: string[] }) | null {
  const found = findFirstList(data);
  if (!found) return null;
  return { path: found.path, ...flattenRows(found.items) };
}
