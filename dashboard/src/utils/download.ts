import { composeChartImage, type ChartCaption } from './chart-export';

/** Browser downloads: a Blob saved under a file name, and a chart (canvas or SVG) as a PNG. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}

/** A copy on white: chart.js draws on a transparent canvas, which reads badly in documents. */
function onWhite(source: CanvasImageSource, width: number, height: number, scale = 1): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** An SVG chart (the calendar) is drawn at twice its CSS size, for print. */
const SVG_SCALE = 2;

async function svgToCanvas(svg: SVGSVGElement): Promise<HTMLCanvasElement> {
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const source = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  return onWhite(image, box.width, box.height, SVG_SCALE);
}

/** A chart canvas (or an SVG drawn onto one) with its caption above and its footnotes below, on white. */
function composed(
  source: HTMLCanvasElement,
  caption: ChartCaption,
  footnotes: readonly string[],
  ratio: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  composeChartImage(canvas, source, caption, footnotes, ratio);
  return canvas;
}

/**
 * Saves the first chart inside `container` (a chart.js canvas or an SVG) as a PNG file: its caption
 * (title, period, unit, source) above it, the marks of its figures (模拟, 未报送, …) below.
 */
export async function exportChartPng(
  container: HTMLElement,
  fileName: string,
  caption: ChartCaption,
  footnotes: readonly string[] = [],
): Promise<void> {
  const canvas = container.querySelector('canvas');
  if (canvas) {
    // device pixels per CSS pixel, so that the caption is as sharp as the chart
    const ratio = canvas.width / Math.max(canvas.getBoundingClientRect().width, 1) || 1;
    downloadBlob(await canvasToBlob(composed(canvas, caption, footnotes, ratio)), fileName);
    return;
  }
  const svg = container.querySelector('svg');
  if (svg) downloadBlob(await canvasToBlob(composed(await svgToCanvas(svg), caption, footnotes, SVG_SCALE)), fileName);
}

/** Saves text as a file (CSV already carries its BOM). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
