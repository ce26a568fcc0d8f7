/** A name written into SQL text as a quoted identifier (a column or table from entity metadata). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
