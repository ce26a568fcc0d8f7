import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';

/**
 * How an amount reads in a work report, or null when it cannot be said as a number: "30余次" for a
 * round lower bound, "23次以上" for another lower bound of ten or more, "约1万人次" for an approximate
 * figure. A small lower bound ("至少1次") is only the count of the events a report lists, so the
 * summary names those events instead of a count that says nothing.
 */
export function amountText(value: number, qualifier: FigureQualifier, unit: string): string | null {
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  if (qualifier === FigureQualifier.AT_LEAST) {
    if (value >= 10 && value % 10 === 0) return `${n}余${unit}`;
    return value >= 10 ? `${n}${unit}以上` : null;
  }
  if (qualifier === FigureQualifier.APPROXIMATE)
    return value >= 10000 && value % 10000 === 0 ? `约${value / 10000}万${unit}` : `约${n}${unit}`;
  return `${n}${unit}`;
}

/** A percentage as reports write it: 100%, 93.8%, 98.36%. */
export function percentText(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** "6月26日", "9月" or "" (a year-only date says nothing finer than the year); with the year in a term summary. */
export function dateText(isoDate: string, precision: DatePrecision, withYear: boolean): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = withYear ? `${y}年` : '';
  if (precision === DatePrecision.YEAR) return withYear ? year : '';
  if (precision === DatePrecision.MONTH) return `${year}${m}月`;
  return `${year}${m}月${d}日`;
}

/** "9月29日至30日" for a session over several days. */
export function dateRangeText(from: string, to: string | null, withYear: boolean): string {
  const start = dateText(from, DatePrecision.DAY, withYear);
  if (!to || to === from) return start;
  const [, fm] = from.split('-').map(Number) as [number, number, number];
  const [, tm, td] = to.split('-').map(Number) as [number, number, number];
  return tm === fm ? `${start}至${td}日` : `${start}至${tm}月${td}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as in 第十三届. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A township's name as prose uses it: without an editorial note in brackets ("某镇（第二届主席团报告）"). */
export function proseName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, '').trim();
}

/** "镇第八届人民代表大会第一次会议" from "群利镇第八届人民代表大会第一次会议": the township's own name is implied. */
export function sessionNameInProse(sessionName: string, townshipName: string): string {
  const name = proseName(townshipName);
  return sessionName.startsWith(name) ? sessionName.slice(name.length - 1) : sessionName;
}

/**
 * A stable choice among phrasings, by township code and the sentence's purpose, so that five townships'
 * summaries do not read as one template while each township's reads the same every time.
 */
export function variant<T>(townshipCode: string, purpose: string, options: readonly T[]): T {
  let hash = 2166136261;
  for (const ch of `${townshipCode}:${purpose}`) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return options[hash % options.length]!;
}

/** "、"-joined with "和" before the last of several items, as Chinese prose lists them. */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items.at(-1)!}`;
}
