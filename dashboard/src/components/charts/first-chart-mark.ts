import type { Plugin } from 'chart.js';

/** Read by the benchmark (bench/src/dashboard-figures.ts), which waits for this name. */
const MARK = 'renda:first-chart';

/**
 * A Chart.js plugin that sets one `performance.mark('renda:first-chart')` per page load, when the first
 * chart has been drawn on a canvas of non-zero size (Chart.js calls `afterDraw` only then): the
 * benchmark's "time to first chart" is that mark's `startTime`, from navigation start. The mark's
 * `detail` names the chart (its `aria-label`), so the figure says which one won.
 */
export const firstChartMark = {
  id: 'rendaFirstChartMark',
  afterDraw(chart: { canvas: { getAttribute(name: string): string | null } | null }): void {
    // marks live with the document: a later chart, or the same chart redrawn, leaves the first one
    if (performance.getEntriesByName(MARK, 'mark').length > 0) return;
    performance.mark(MARK, { detail: chart.canvas?.getAttribute('aria-label') ?? null });
  },
} satisfies Plugin;
