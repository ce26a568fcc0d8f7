import type { MessageKey } from './message-key';

const QUARTER_KEYS = [
  'common.quarters.Q1',
  'common.quarters.Q2',
  'common.quarters.Q3',
  'common.quarters.Q4',
] as const satisfies readonly MessageKey[];

/** The message key of a quarter's name: 一季度 … 四季度 in Chinese, Q1 … Q4 in English. */
export function quarterKey(quarter: number): MessageKey {
  const key = QUARTER_KEYS[quarter - 1];
  if (!key) throw new RangeError(`no quarter ${quarter}`);
  return key;
}
