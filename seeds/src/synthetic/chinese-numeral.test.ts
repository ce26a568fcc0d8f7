import { describe, expect, it } from '@jest/globals';
import { chineseNumeral } from './chinese-numeral.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [8, '八'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [46, '四十六'],
    [99, '九十九'],
  ])('%d -> %s', (value, expected) => {
    expect(chineseNumeral(value)).toBe(expected);
  });

  it('rejects values outside 1-99', () => {
    expect(() => chineseNumeral(0)).toThrow();
    expect(() => chineseNumeral(100)).toThrow();
  });
});
