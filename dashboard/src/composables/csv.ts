/** A cell value a table can hold. */
export type CellValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return) as a formula:
 * text cells that do are prefixed with an apostrophe (numbers are left alone).
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV (RFC 4180: comma, CRLF, quotes doubled) with a UTF-8 byte-order mark, so Excel opens Chinese text
 * correctly. Unknown (null) cells stay empty, never 0.
 */
export function buildCsv(columns: readonly string[], rows: readonly Record<string, CellValue>[]): string {
  const lines = [columns.map((c) => cell(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: "renda-<name>-<yyyy-mm-dd>.csv". */
export function csvFileName(name: string, date: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'query';
  return `renda-${safe}-${date}.csv`;
}
