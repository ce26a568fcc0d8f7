/** Text written into SQL as a string literal, where a statement cannot take parameters (DDL, role passwords). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
