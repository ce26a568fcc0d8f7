import type { DatePrecision } from '../graphql/generated/schema-enums';

/** An ISO calendar date, YYYY-MM-DD. All date arithmetic here is in UTC so no time zone shifts a day. */
export type IsoDate = string;

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China (the platform's working days are Chinese ones), whatever the browser's zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return CHINA_DATE.format(now);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = new Date(`${date}T00:00:00.000Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

export function quarterOf(date: IsoDate): 1 | 2 | 3 | 4 {
  return (Math.floor((parseIsoDate(date).month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/**
 * A date in Chinese as precisely as it is known: 2021年6月30日, 2021年6月 (month only), 2021年 (year
 * only). A year-only date is stored as YYYY-01-01; writing "1月1日" would state a day nobody gave.
 */
export function chineseDate(date: IsoDate, precision: DatePrecision | null | undefined): string {
  const { year, month, day } = parseIsoDate(date);
  if (precision === 'YEAR') return `${year}年`;
  if (precision === 'MONTH') return `${year}年${month}月`;
  return `${year}年${month}月${day}日`;
}
