import { FigureQualifier } from '../../graphql/generated/schema-enums';

/**
 * A known value as a chart writes it (bar labels, tooltips, the hidden table): a lower bound is drawn
 * "≥23" and an approximation "≈10,000" in both languages, since a bar's length alone cannot say so.
 */
export function boundedValueText(
  value: number,
  format?: (value: number) => string,
  qualifier?: FigureQualifier | null,
): string {
  const text = format ? format(value) : String(value);
  if (qualifier === FigureQualifier.AtLeast) return `≥${text}`;
  if (qualifier === FigureQualifier.Approximate) return `≈${text}`;
  return text;
}

/**
 * How a chart shows a value, in tooltips and in its hidden table alike: unknown is said, never 0; a
 * point's marks (its unknown reason, 进行中, 模拟) follow in brackets.
 */
export function chartValueText(
  value: number | null,
  unknown: string,
  format?: (value: number) => string,
  note?: string | null,
  qualifier?: FigureQualifier | null,
): string {
  const text = value === null ? unknown : boundedValueText(value, format, qualifier);
  return note ? `${text} (${note})` : text;
}

/** The value axis of a rate: ticks read "40%" and the axis runs to 100 % unless a value goes past it. */
export function percentAxis(): {
  suggestedMax: number;
  ticks: { precision: number; callback: (value: string | number) => string };
} {
  return { suggestedMax: 100, ticks: { precision: 0, callback: (value) => `${value}%` } };
}
