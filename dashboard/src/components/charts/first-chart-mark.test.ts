import { afterEach, describe, expect, it } from '@jest/globals';
import { firstChartMark } from './first-chart-mark';

const chart = (label: string | null) => ({ canvas: { getAttribute: () => label } });
const marks = () => performance.getEntriesByName('renda:first-chart', 'mark') as PerformanceMark[];

describe('firstChartMark', () => {
  afterEach(() => performance.clearMarks());

  it('marks the first chart drawn, named by its aria-label', () => {
    firstChartMark.afterDraw(chart('各乡镇比较'));
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.detail).toBe('各乡镇比较');
  });

  it('keeps the first mark when later charts (or redraws) follow', () => {
    firstChartMark.afterDraw(chart('first'));
    firstChartMark.afterDraw(chart('second'));
    firstChartMark.afterDraw(chart('first'));
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.detail).toBe('first');
  });

  it('marks a chart without a label or canvas with a null detail', () => {
    firstChartMark.afterDraw({ canvas: null });
    expect(marks()[0]!.detail).toBeNull();
  });
});
