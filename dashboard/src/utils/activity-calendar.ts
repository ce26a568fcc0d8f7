import { DatePrecision, type ActivityType } from '../graphql/generated/schema-enums';
import { addDays, isoDate, isoWeekday, parseIsoDate, type IsoDate } from './dates';

export interface ActivityForCalendar {
  occurredOn: IsoDate;
  datePrecision: DatePrecision;
  type: ActivityType;
}

export interface HeatmapCell {
  date: IsoDate;
  count: number;
  /** 0 = Monday row … 6 = Sunday row */
  row: number;
  /** week column, 0 = the week holding January 1st */
  column: number;
}

export interface ActivityHeatmap {
  year: number;
  cells: HeatmapCell[];
  columns: number;
  max: number;
  /** Activities whose day is not known (month or year precision): counted, not placed on a day. */
  undated: number;
  /** For each month, the column its first day falls in (for month labels). */
  monthColumns: number[];
}

/** A calendar heat map of one year: one cell per day, Monday rows, week columns. */
export function buildHeatmap(activities: readonly ActivityForCalendar[], year: number): ActivityHeatmap {
  const perDay = new Map<IsoDate, number>();
  let undated = 0;
  for (const a of activities) {
    if (parseIsoDate(a.occurredOn).year !== year) continue;
    if (a.datePrecision !== DatePrecision.Day) {
      undated += 1;
      continue;
    }
    perDay.set(a.occurredOn, (perDay.get(a.occurredOn) ?? 0) + 1);
  }
  const first = isoDate(year, 1, 1);
  const offset = isoWeekday(year, 1, 1) - 1;
  const cells: HeatmapCell[] = [];
  const monthColumns: number[] = [];
  for (let date = first, index = 0; parseIsoDate(date).year === year; date = addDays(date, 1), index++) {
    const column = Math.floor((index + offset) / 7);
    const { day } = parseIsoDate(date);
    if (day === 1) monthColumns.push(column);
    cells.push({ date, count: perDay.get(date) ?? 0, row: (index + offset) % 7, column });
  }
  return {
    year,
    cells,
    columns: (cells.at(-1)?.column ?? 0) + 1,
    max: Math.max(0, ...perDay.values()),
    undated,
    monthColumns,
  };
}

export interface MonthBlock {
  /** 1–12 */
  month: number;
  /** The month's days, each in its weekday column (0 = Monday) and week row (0 = the week of the 1st). */
  cells: (HeatmapCell & { weekday: number; week: number })[];
}

/**
 * The year as twelve small month calendars (weekday columns, week rows), so a calendar wraps to the
 * width it is given instead of being one 53-week strip whose autumn and December end up off-screen.
 */
export function monthBlocks(heatmap: ActivityHeatmap): MonthBlock[] {
  const blocks: MonthBlock[] = heatmap.monthColumns.map((_, i) => ({ month: i + 1, cells: [] }));
  for (const cell of heatmap.cells) {
    const month = parseIsoDate(cell.date).month;
    blocks[month - 1]!.cells.push({ ...cell, weekday: cell.row, week: cell.column - heatmap.monthColumns[month - 1]! });
  }
  return blocks;
}

/** Colour step 0–4 of a cell (0 = none), relative to the busiest day. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

export interface MonthlyByType {
  /** Activity types present, in first-seen order of the given type list. */
  types: ActivityType[];
  /** counts[typeIndex][month 0–11] */
  counts: number[][];
  /** Activities known only to the year (not placed in a month). */
  yearOnly: number;
}

/** Activities per month, stacked by type, for the timeline chart (month precision counts; year does not). */
export function monthlyByType(
  activities: readonly ActivityForCalendar[],
  year: number,
  typeOrder: readonly ActivityType[],
): MonthlyByType {
  const byType = new Map<ActivityType, number[]>();
  let yearOnly = 0;
  for (const a of activities) {
    const { year: y, month } = parseIsoDate(a.occurredOn);
    if (y !== year) continue;
    if (a.datePrecision === DatePrecision.Year) {
      yearOnly += 1;
      continue;
    }
    const row = byType.get(a.type) ?? Array.from({ length: 12 }, () => 0);
    row[month - 1]! += 1;
    byType.set(a.type, row);
  }
  const types = typeOrder.filter((t) => byType.has(t));
  for (const t of byType.keys()) if (!types.includes(t)) types.push(t);
  return { types, counts: types.map((t) => byType.get(t)!), yearOnly };
}
