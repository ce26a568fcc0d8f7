import { Chart, type Plugin } from 'chart.js';

/** Per bar: the text drawn at its end (null: nothing, e.g. an unknown value, which has no bar). */
export type ValueLabelText = (datasetIndex: number, index: number) => string | null;

declare module 'chart.js' {
  // an augmentation repeats chart.js's type parameter, used or not
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType> {
    /** Value labels at the end of each bar (see value-labels.ts); off unless `text` is given. */
    rendaValueLabels?: { text?: ValueLabelText; colour?: string };
  }
}

/**
 * Values written at the end of each bar ("12次", "≥23", "98.4%"), so a printed or exported chart can be
 * read without its tooltips. Twenty lines of our own instead of chartjs-plugin-datalabels: the bars
 * need one text each and nothing of its positioning engine.
 */
export const valueLabels: Plugin<'bar'> = {
  id: 'rendaValueLabels',
  afterDatasetsDraw(chart, _args, options: { text?: ValueLabelText; colour?: string }) {
    if (!options.text) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = options.colour ?? '#1f2328';
    ctx.font = `12px ${Chart.defaults.font.family ?? 'system-ui'}`;
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    chart.data.datasets.forEach((_dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      meta.data.forEach((bar, index) => {
        const text = options.text!(datasetIndex, index);
        if (text === null) return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(text, horizontal ? x + 4 : x, horizontal ? y : y - 3);
      });
    });
    ctx.restore();
  },
};
