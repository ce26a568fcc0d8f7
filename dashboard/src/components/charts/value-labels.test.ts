import { describe, expect, it } from '@jest/globals';
import type { Chart } from 'chart.js';
import { valueLabels, type ValueLabelText } from './value-labels';

/** A chart as the plugin reads it: two bars, the second unknown; its context records the text drawn. */
function fakeChart(indexAxis: 'x' | 'y', hidden = false) {
  const drawn: { text: string; x: number; y: number; align: string }[] = [];
  const ctx = {
    textAlign: 'start',
    save: () => undefined,
    restore: () => undefined,
    fillText(text: string, x: number, y: number) {
      drawn.push({ text, x, y, align: ctx.textAlign });
    },
  };
  const bar = (x: number, y: number) => ({ getProps: () => ({ x, y }) });
  const chart = {
    ctx,
    options: { indexAxis },
    data: { datasets: [{ data: [23, null] }] },
    getDatasetMeta: () => ({ hidden, data: [bar(100, 40), bar(200, 240)] }),
  } as unknown as Chart<'bar'>;
  return { chart, drawn };
}

function draw(chart: Chart<'bar'>, text?: ValueLabelText): void {
  const hook = valueLabels.afterDatasetsDraw as (c: Chart<'bar'>, a: object, o: { text?: ValueLabelText }) => void;
  hook(chart, {}, { text });
}

describe('valueLabels', () => {
  const text: ValueLabelText = (_d, i) => (i === 0 ? '≥23' : null);

  it('writes each known bar’s text above a column, after a horizontal bar, nothing for unknown', () => {
    const column = fakeChart('x');
    draw(column.chart, text);
    expect(column.drawn).toEqual([{ text: '≥23', x: 100, y: 37, align: 'center' }]);
    const row = fakeChart('y');
    draw(row.chart, text);
    expect(row.drawn).toEqual([{ text: '≥23', x: 104, y: 40, align: 'left' }]);
  });

  it('draws nothing without a text function or for a hidden dataset', () => {
    const plain = fakeChart('x');
    draw(plain.chart);
    expect(plain.drawn).toEqual([]);
    const hidden = fakeChart('x', true);
    draw(hidden.chart, text);
    expect(hidden.drawn).toEqual([]);
  });
});
