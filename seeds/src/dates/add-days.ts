import type { IsoDate } from '../seed-dataset.js';

/** Adds (or subtracts) whole days to an ISO date. Works in UTC so no time zone can shift the day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = new Date(`${date}T00:00:00.000Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}
