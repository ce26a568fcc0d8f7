import { describe, expect, it } from '@jest/globals';
import { composeChartImage, wrapText, type DrawingContext, type DrawingSurface } from './chart-export';

/**
 * A 2D context that records what is drawn where (node has no canvas): enough to check the layout, each
 * character 10 units wide at any font.
 */
function recorder(): { surface: DrawingSurface; texts: { text: string; y: number }[]; images: { y: number }[] } {
  const texts: { text: string; y: number }[] = [];
  const images: { y: number }[] = [];
  const context = {
    fillStyle: '',
    font: '',
    textBaseline: 'alphabetic',
    fillRect: () => undefined,
    drawImage: (_image: unknown, _x: number, y: number) => images.push({ y }),
    fillText: (text: string, _x: number, y: number) => texts.push({ text, y }),
    measureText: (text: string) => ({ width: [...text].length * 10 }),
  } as unknown as DrawingContext;
  const surface: DrawingSurface = { width: 0, height: 0, getContext: () => context };
  return { surface, texts, images };
}

const chart = { width: 600, height: 300 } as unknown as HTMLCanvasElement;

describe('composeChartImage', () => {
  it('writes title, period, unit and source above the chart and the marks below it', () => {
    const { surface, texts, images } = recorder();
    const { chartTop } = composeChartImage(
      surface,
      chart,
      { title: '视察次数', details: ['期间：2021年第3季度', '单位：次', '来源：群利镇2021年人大工作总结'] },
      ['模拟：演示用生成数据'],
    );
    expect(texts.map((t) => t.text)).toEqual([
      '视察次数',
      '期间：2021年第3季度',
      '单位：次',
      '来源：群利镇2021年人大工作总结',
      '模拟：演示用生成数据',
    ]);
    expect(images).toEqual([{ y: chartTop }]);
    // caption above the chart, in order; footnote below it; the image holds all of it
    const ys = texts.map((t) => t.y);
    expect(ys.slice(0, 4).every((y, i) => y < chartTop && (i === 0 || y > ys[i - 1]!))).toBe(true);
    expect(ys[4]!).toBeGreaterThanOrEqual(chartTop + chart.height);
    expect(surface.width).toBe(600);
    expect(surface.height).toBeGreaterThan(ys[4]!);
  });

  it('scales the caption with the chart canvas (device pixels) and wraps a long source', () => {
    const sharp = recorder();
    const plain = recorder();
    const caption = { title: 'T', details: ['来源：' + '报告'.repeat(60)] };
    const top2 = composeChartImage(sharp.surface, chart, caption, [], 2).chartTop;
    const top1 = composeChartImage(plain.surface, chart, caption, [], 1).chartTop;
    expect(plain.texts.length).toBeGreaterThan(2); // 123 characters do not fit in 576 units
    expect(top2).toBeGreaterThan(top1);
  });
});

describe('wrapText', () => {
  it('breaks between characters at the width, dropping a leading space', () => {
    const { surface } = recorder();
    const context = surface.getContext('2d')!;
    expect(wrapText(context, 'abcdef', 30)).toEqual(['abc', 'def']);
    expect(wrapText(context, 'ab cd', 20)).toEqual(['ab', 'cd']);
    expect(wrapText(context, '', 30)).toEqual([]);
  });
});
