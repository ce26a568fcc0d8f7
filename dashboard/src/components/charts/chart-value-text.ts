/**
 * How a chart shows a value, in tooltips and in its hidden table alike: unknown is said, never 0; a
 * point's marks (its unknown reason, 进行中, 模拟) follow in brackets.
 */
export function chartValueText(
  value: number | null,
  unknown: string,
  format?: (value: number) => string,
  note?: string | null,
): string {
  const text = value === null ? unknown : format ? format(value) : String(value);
  return note ? `${text} (${note})` : text;
}
