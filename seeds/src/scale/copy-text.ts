/** A value of PostgreSQL's COPY text format; null is the SQL NULL. */
export type CopyValue = string | number | boolean | null;

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  // Backslash first, so the escapes added after it stay single.
  return value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

/** One line of COPY text: tab-separated fields, newline-terminated. */
export function copyLine(values: readonly CopyValue[]): string {
  return values.map(field).join('\t') + '\n';
}
