import { describe, expect, it } from '@jest/globals';
import { chineseDate } from './dates';

describe('chineseDate', () => {
  it('states no more than the date’s precision', () => {
    expect(chineseDate('2021-06-30', 'DAY')).toBe('2021年6月30日');
    expect(chineseDate('2021-06-01', 'MONTH')).toBe('2021年6月');
    expect(chineseDate('2021-01-01', 'YEAR')).toBe('2021年');
    expect(chineseDate('2021-09-29', null)).toBe('2021年9月29日');
  });
});
