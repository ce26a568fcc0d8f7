/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD: records are dated in local time. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
