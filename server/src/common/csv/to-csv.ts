import type { Json } from './find-rows.js';

/** Excel opens UTF-8 CSV as Chinese only with this byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula is prefixed so it stays text (CSV injection). */
function cell(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header of every column seen, in first-seen order, CRLF line ends. */
export function toCsv(rows: readonly Record<string, Json>[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
