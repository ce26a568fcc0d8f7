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
  return onWhite(image, box.width, box.height, 2);
}

/**
 * A chart canvas on white with its footnotes (the marks of the figures it shows: 模拟, 未报送, …) written
 * below it, so that an exported PNG carries the same marks as the page.
 */
function withFootnotes(source: HTMLCanvasElement, footnotes: readonly string[]): HTMLCanvasElement {
  if (footnotes.length === 0) return onWhite(source, source.width, source.height);
  const ratio = source.width / Math.max(source.getBoundingClientRect().width, 1) || 1;
  const lineHeight = Math.round(18 * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + lineHeight * footnotes.length + Math.round(8 * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0);
  context.fillStyle = '#333333';
  context.font = `${Math.round(13 * ratio)}px sans-serif`;
  footnotes.forEach((line, i) => context.fillText(line, Math.round(8 * ratio), source.height + lineHeight * (i + 1)));
  return canvas;
}

/** Saves the first chart inside `container` (a chart.js canvas or an SVG) as a PNG file, footnotes below. */
export async function exportChartPng(
  container: HTMLElement,
  fileName: string,
  footnotes: readonly string[] = [],
): Promise<void> {
  const canvas = container.querySelector('canvas');
  if (canvas) {
    downloadBlob(await canvasToBlob(withFootnotes(canvas, footnotes)), fileName);
    return;
  }
  const svg = container.querySelector('svg');
  if (svg) downloadBlob(await canvasToBlob(withFootnotes(await svgToCanvas(svg), footnotes)), fileName);
}

/** Saves text as a file (CSV already carries its BOM). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
