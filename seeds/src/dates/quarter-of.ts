import type { IsoDate } from '../seed-dataset.js';

export type Quarter = 1 | 2 | 3 | 4;

/** Calendar quarter (1-4) of an ISO date. */
export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return (Math.floor((month - 1) / 3) + 1) as Quarter;
}
