import { enumOrder } from '../graphql/enum-order';
import { FigureQualifier, MetricKind, Provenance, UnknownReason } from '../graphql/generated/schema-enums';
import { enumLabel, type MessageKey } from '../i18n/message-key';
import type { AppLocale } from '../i18n/locale';

/** A figure counts (次, 件) or is a rate (%): the schema's MetricKind. */
export type FigureKind = MetricKind;

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
  const isRate = options.kind === MetricKind.Rate || options.unit === '%';
  const number = formatNumber(value, locale);
  const unit = isRate ? '%' : locale === 'zh-CN' ? (options.unit ?? '') : '';
  switch (options.qualifier) {
    case FigureQualifier.AtLeast:
      // 余 follows round numbers only (30余次, 980余条); "23余次" is not Chinese, so that is ≥23次
      return locale === 'zh-CN' && value >= 10 && value % 10 === 0 ? `${number}余${unit}` : `≥${number}${unit}`;
    case FigureQualifier.Approximate:
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

/** A rank, median or county total needs at least this many known values (as the API's medians do). */
export const MEDIAN_MIN_BASIS = 3;

export interface FigureFlagsInput {
  /** The value; null or undefined is unknown. Only unknown figures carry an unknown reason. */
  value?: number | null;
  provenance?: Provenance | null;
  kind?: FigureKind | null;
  /** The rate's denominator (e.g. letters received for the letter reply rate), when known. */
  denominator?: number | null;
  /** The API's reason; a string this dashboard does not know is ignored. */
  unknownReason?: UnknownReason | string | null;
  /** The current, unfinished period: counted from the records so far (进行中). */
  provisional?: boolean | null;
  /** 0–1: the share of generated rows behind the value; above 0 is synthetic whatever the provenance says. */
  syntheticShare?: number | null;
  /** A rank that compares at least one SYNTHETIC value, its own or another township's. */
  rankSynthetic?: boolean | null;
}

export interface FigureFlags {
  synthetic: boolean;
  smallSample: boolean;
  /** Why the figure is unknown; null when it is known (or the reason was not given). */
  unknownReason: UnknownReason | null;
  provisional: boolean;
  rankSynthetic: boolean;
  /** The share of generated rows behind a synthetic value, when the API gives it. */
  syntheticShare: number | null;
}

export const NO_FLAGS: FigureFlags = {
  synthetic: false,
  smallSample: false,
  unknownReason: null,
  provisional: false,
  rankSynthetic: false,
  syntheticShare: null,
};

/** The reasons of unknowns in the order their footnotes are listed. */
const UNKNOWN_REASONS = enumOrder(UnknownReason, ['NOT_SUBMITTED', 'NOT_RECORDED', 'NOT_STATED', 'NOT_STARTED']);

/** A reason this dashboard knows: a newer server's new reason is dropped rather than shown as a raw code. */
const isUnknownReason = (value: string): value is UnknownReason =>
  (UNKNOWN_REASONS as readonly string[]).includes(value);

const isKnown = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/**
 * The one rule for what a figure is marked with, in every view, print and export: 模拟 when generated
 * rows or figures are behind it (provenance SYNTHETIC or a synthetic share above 0), the reason of an
 * unknown (未报送 / 未录入 / 报告未载明 / 未开始), 进行中 for the unfinished period, 样本小 for a rate
 * over fewer than SMALL_SAMPLE_MIN cases, and 排名含模拟 for a rank resting on generated values. An
 * unknown figure is never marked synthetic or small-sample: there is no value to qualify. When `value`
 * is not given, the figure counts as known (callers that only mark, not format).
 */
export function figureFlags(input: FigureFlagsInput): FigureFlags {
  const known = !('value' in input) || isKnown(input.value);
  const denominator = input.denominator;
  const share = known && isKnown(input.syntheticShare) ? input.syntheticShare : null;
  const reason = input.unknownReason;
  return {
    synthetic: known && (input.provenance === Provenance.Synthetic || (share !== null && share > 0)),
    smallSample:
      known &&
      input.kind === MetricKind.Rate &&
      denominator !== null &&
      denominator !== undefined &&
      denominator > 0 &&
      denominator < SMALL_SAMPLE_MIN,
    unknownReason: !known && reason !== null && reason !== undefined && isUnknownReason(reason) ? reason : null,
    provisional: input.provisional === true,
    rankSynthetic: input.rankSynthetic === true,
    syntheticShare: share,
  };
}

/** Marks as words, in a fixed order: for chart tables, tooltips, PNG footnotes and print. */
export function flagLabels(flags: FigureFlags, label: Translate): string[] {
  const labels: string[] = [];
  if (flags.unknownReason) labels.push(label(enumLabel('unknownReason', flags.unknownReason)));
  if (flags.provisional) labels.push(label('common.provisional'));
  if (flags.synthetic) labels.push(label('common.synthetic'));
  if (flags.rankSynthetic) labels.push(label('common.rankSynthetic'));
  if (flags.smallSample) labels.push(label('common.smallSample'));
  return labels;
}

/** A figure's text with its marks in brackets, e.g. "未知（未报送）", "12次（模拟）": for plain-text places. */
export function figureText(
  value: number | null | undefined,
  options: FigureFormatOptions,
  flags: FigureFlags,
  label: Translate,
): string {
  const text = formatFigure(value, options);
  const marks = flagLabels(flags, label);
  if (marks.length === 0) return text;
  return options.locale === 'zh-CN' ? `${text}（${marks.join('，')}）` : `${text} (${marks.join(', ')})`;
}

/**
 * The county median of the known values, and how many it used: null when fewer than MEDIAN_MIN_BASIS
 * are known (a "median" of two townships says nothing about a county).
 */
export function countyMedian(values: readonly (number | null | undefined)[]): { value: number | null; basis: number } {
  const known = values.filter(isKnown).sort((a, b) => a - b);
  if (known.length < MEDIAN_MIN_BASIS) return { value: null, basis: known.length };
  const middle = Math.floor(known.length / 2);
  const value = known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
  return { value, basis: known.length };
}

/**
 * Whether a chart has anything to draw: at least one known value in any series. A chart without one
 * says 无数据 instead of drawing an empty 0–1 axis.
 */
export function hasChartData(series: readonly { values: readonly (number | null | undefined)[] }[]): boolean {
  return series.some((s) => s.values.some(isKnown));
}

/** Translates a message key (vue-i18n's `t`, narrowed to the keys of zh-CN.ts). */
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

/**
 * One line per kind of mark present among `all` ("模拟：演示用生成数据…"), in flagLabels' order: the
 * legend under a chart and in its PNG export.
 */
export function markFootnotes(all: readonly FigureFlags[], t: Translate): string[] {
  const lines: [MessageKey, MessageKey, Record<string, unknown>?][] = [];
  const reasons = UNKNOWN_REASONS.filter((r) => all.some((f) => f.unknownReason === r));
  for (const r of reasons) lines.push([enumLabel('unknownReason', r), enumLabel('unknownReasonHint', r)]);
  if (all.some((f) => f.provisional)) lines.push(['common.provisional', 'common.provisionalHint']);
  if (all.some((f) => f.synthetic)) lines.push(['common.synthetic', 'common.syntheticHint']);
  if (all.some((f) => f.rankSynthetic)) lines.push(['common.rankSynthetic', 'common.rankSyntheticHint']);
  if (all.some((f) => f.smallSample))
    lines.push(['common.smallSample', 'common.smallSampleHint', { min: SMALL_SAMPLE_MIN }]);
  return lines.map(([label, hint, params]) => t('common.footnote', { label: t(label), hint: t(hint, params) }));
}
