import type { AppLocale } from './locale';

export type FigureQualifier = 'EXACT' | 'AT_LEAST' | 'APPROXIMATE';
export type FigureKind = 'COUNT' | 'RATE';

/** A rate whose denominator is below this is marked small-sample: 3 letters, 3 answered, is not "100%". */
export const SMALL_SAMPLE_MIN = 10;

const UNKNOWN: Record<AppLocale, string> = { 'zh-CN': '未知', en: 'Unknown' };

export function unknownLabel(locale: AppLocale): string {
  return UNKNOWN[locale];
}

/** A number in the locale's digits and grouping, at most `maxFractionDigits` decimals (no trailing zeros). */
export function formatNumber(value: number, locale: AppLocale, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

export interface FigureFormatOptions {
  locale: AppLocale;
  qualifier?: FigureQualifier | null;
  kind?: FigureKind | null;
  /** The catalog's unit (次, 件, 篇, %): shown after Chinese counts, left out in English. */
  unit?: string | null;
}

/**
 * A figure as people read it: unknown (null) is 未知 / Unknown and never 0; AT_LEAST is "30余" / "≥30"
 * (and "≥23" in Chinese too, where 余 would not follow a round number),
 * APPROXIMATE "约10,000" / "~10,000"; rates carry "%".
 */
export function formatFigure(value: number | null | undefined, options: FigureFormatOptions): string {
  const { locale } = options;
  if (value === null || value === undefined || !Number.isFinite(value)) return unknownLabel(locale);
  const isRate = options.kind === 'RATE' || options.unit === '%';
  const number = formatNumber(value, locale);
  const unit = isRate ? '%' : locale === 'zh-CN' ? (options.unit ?? '') : '';
  switch (options.qualifier) {
    case 'AT_LEAST':
      // 余 follows round numbers only (30余次, 980余条); "23余次" is not Chinese, so that is ≥23次
      return locale === 'zh-CN' && value >= 10 && value % 10 === 0 ? `${number}余${unit}` : `≥${number}${unit}`;
    case 'APPROXIMATE':
      return locale === 'zh-CN' ? `约${number}${unit}` : `~${number}${unit}`;
    default:
      return `${number}${unit}`;
  }
}

/** The value a chart plots: unknown stays null (a gap), never 0. */
export function chartValue(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** A share as a percentage for display, e.g. 0.5 → "50%"; unknown when the total is 0. */
export function formatShare(part: number, total: number, locale: AppLocale): string {
  if (total <= 0) return unknownLabel(locale);
  return `${formatNumber((part / total) * 100, locale, 1)}%`;
}

export interface FigureFlagsInput {
  provenance?: string | null;
  kind?: FigureKind | null;
  /** The rate's denominator (e.g. letters received for the letter reply rate), when known. */
  denominator?: number | null;
}

export interface FigureFlags {
  synthetic: boolean;
  smallSample: boolean;
}

/** What a figure must be marked with: generated demo data, or a rate over fewer than SMALL_SAMPLE_MIN cases. */
export function figureFlags(input: FigureFlagsInput): FigureFlags {
  const denominator = input.denominator;
  return {
    synthetic: input.provenance === 'SYNTHETIC',
    smallSample:
      input.kind === 'RATE' &&
      denominator !== null &&
      denominator !== undefined &&
      denominator > 0 &&
      denominator < SMALL_SAMPLE_MIN,
  };
}
