/**
 * The layout of an exported chart PNG: a caption above the chart (its title in bold, then period, unit
 * and source), the chart, and the marks' footnotes below, all on white. A PNG leaves the page that
 * explained it, so it must say itself what it shows, when, in what unit and from where.
 */
export interface ChartCaption {
  title: string;
  /** Already worded: "期间：2021年第3季度" */
  details: readonly string[];
}

/** What composeChartImage draws with: a 2D context's drawing calls (a canvas's, or a recorder in tests). */
export type DrawingContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textBaseline' | 'fillRect' | 'drawImage' | 'fillText' | 'measureText'
>;

export interface DrawingSurface {
  width: number;
  height: number;
  getContext(kind: '2d'): DrawingContext | null;
}

const FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** Splits a line into lines no wider than `width` (by characters: Chinese has no spaces to break at). */
export function wrapText(context: DrawingContext, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line !== '' && context.measureText(line + char).width > width) {
      lines.push(line);
      line = char.trimStart();
    } else line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Draws caption, chart and footnotes onto `target`, sizing it first. `ratio` is the chart canvas's
 * device pixels per CSS pixel, so the text has the chart's sharpness. Returns where the chart went.
 */
export function composeChartImage(
  target: DrawingSurface,
  chart: CanvasImageSource & { width: number; height: number },
  caption: ChartCaption,
  footnotes: readonly string[],
  ratio = 1,
): { chartTop: number } {
  const px = (n: number) => Math.round(n * ratio);
  const padding = px(12);
  const measure = target.getContext('2d');
  if (!measure) throw new Error('no 2D context');
  const width = Math.max(chart.width, px(320));
  const textWidth = width - 2 * padding;
  measure.font = `600 ${px(16)}px ${FONT}`;
  const titleLines = wrapText(measure, caption.title, textWidth);
  measure.font = `${px(12)}px ${FONT}`;
  const detailLines = caption.details.flatMap((d) => wrapText(measure, d, textWidth));
  const noteLines = footnotes.flatMap((n) => wrapText(measure, n, textWidth));
  const titleHeight = px(22);
  const lineHeight = px(17);
  const chartTop = padding + titleLines.length * titleHeight + detailLines.length * lineHeight + px(8);
  target.width = width;
  target.height =
    chartTop + chart.height + (noteLines.length > 0 ? px(8) + noteLines.length * lineHeight : 0) + padding;
  // resizing a canvas resets its context's state: take it again
  const context = target.getContext('2d');
  if (!context) throw new Error('no 2D context');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, target.width, target.height);
  context.textBaseline = 'top';
  let y = padding;
  context.fillStyle = '#1f2328';
  context.font = `600 ${px(16)}px ${FONT}`;
  for (const line of titleLines) {
    context.fillText(line, padding, y);
    y += titleHeight;
  }
  context.fillStyle = '#57606a';
  context.font = `${px(12)}px ${FONT}`;
  for (const line of detailLines) {
    context.fillText(line, padding, y);
    y += lineHeight;
  }
  context.drawImage(chart, 0, chartTop, chart.width, chart.height);
  y = chartTop + chart.height + px(8);
  context.fillStyle = '#333333';
  for (const line of noteLines) {
    context.fillText(line, padding, y);
    y += lineHeight;
  }
  return { chartTop };
}
