/** How a chart shows a value, in tooltips and in its hidden table alike: unknown is said, never 0. */
export function chartValueText(value: number | null, unknown: string, format?: (value: number) => string): string {
  if (value === null) return unknown;
  return format ? format(value) : String(value);
}
