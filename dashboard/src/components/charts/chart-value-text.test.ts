import { describe, expect, it } from '@jest/globals';
import { boundedValueText, chartValueText, percentAxis } from './chart-value-text';

describe('chart value text', () => {
  it('draws a lower bound as ≥ and an approximation as ≈, in either language', () => {
    expect(boundedValueText(23, (v) => `${v}次`, 'AT_LEAST')).toBe('≥23次');
    expect(boundedValueText(10000, undefined, 'APPROXIMATE')).toBe('≈10000');
    expect(boundedValueText(5, undefined, 'EXACT')).toBe('5');
    expect(chartValueText(30, '未知', undefined, '模拟', 'AT_LEAST')).toBe('≥30 (模拟)');
    expect(chartValueText(null, '未知', undefined, '未报送', 'AT_LEAST')).toBe('未知 (未报送)');
  });

  it('gives rates a % axis up to 100', () => {
    const axis = percentAxis();
    expect(axis.ticks.callback(40)).toBe('40%');
    expect(axis.suggestedMax).toBe(100);
  });
});
