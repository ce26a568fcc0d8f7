import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';
import { pdfPages } from './support/pdf-text';

/** The PNG's size from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Prints the page as Chromium would on paper (A4, the stylesheet's @page), the print dialog stubbed. */
async function printToPdf(page: Page, button: string): Promise<string[]> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId(button).click();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  return pdfPages(pdf);
}

/**
 * page.pdf() ends with an afterprint event, which ends the one-section print; once it has, pressing
 * print again (stubbed) shows the print view to look at with emulateMedia.
 */
async function printAgain(page: Page, button: string, className: string): Promise<void> {
  await page.waitForFunction((name) => !document.documentElement.classList.contains(name), className);
  await page.getByTestId(button).click();
  await page.emulateMedia({ media: 'print' });
}

/** Texts of buttons on screen, none of which may be on paper. */
const BUTTONS = /打印摘要|打印比较|导出 PNG|下载 CSV|退出登录/;

async function openCountyComparison(page: Page): Promise<void> {
  await signIn(page, 'demo.staff');
  await waitForText(page.locator('h1'), /全县概览/);
  await page.getByTestId('overview-year').selectOption('2021');
  await page.getByTestId('overview-quarter').selectOption({ label: '全年' });
  await page.getByTestId('compare-metric-1').selectOption('supervisions');
  await page.getByTestId('compare-metric-2').selectOption('suggestion_completion_rate');
  await waitForText(
    page.locator('[data-testid="ranking-table"][data-metric="supervisions"] tr[data-township="镇江镇"]'),
    /30/,
  );
}

describe('official outputs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the printed annual summary names county, township, period and source report, with date, pages and marks', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.goto('/townships');
    await page.getByTestId('township-link-QUNLI').click();
    await waitForText(page.getByTestId('township-name'), /群利镇/);
    // the page cites the report by its title, never by its file name
    const pageHead = (await page.getByTestId('township-page').locator('header').first().textContent()) ?? '';
    expect(pageHead).toContain('群利镇2021年人大工作总结');
    expect(pageHead).not.toContain('qunli-2021.txt');
    await waitForText(page.getByTestId('summary-paragraph'), /2021/);
    await waitForText(page.getByTestId('summary-marks'), /未知|模拟/);

    const pages = await printToPdf(page, 'print-summary');
    const text = pages.join('\n');
    expect(text).toContain('示范县群利镇工作摘要');
    expect(text).toContain('县：示范县');
    expect(text).toContain('乡镇：群利镇');
    expect(text).toContain('期间：2021年');
    expect(text).toContain('来源：群利镇2021年人大工作总结');
    expect(text).not.toContain('qunli-2021.txt');
    expect(text).toMatch(/打印日期：\d{4}年\d{1,2}月\d{1,2}日/);
    // the 未知 / 模拟 marks of the figures and their legend are on paper
    expect(text).toMatch(/未知/);
    expect(text).toMatch(/模拟：|未载明|未录入/);
    // page numbers in every page's margin, "n / total"
    pages.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages.length}`));
    expect(text).not.toMatch(BUTTONS);
    // the rest of the page stays off paper
    expect(text).not.toContain('代表联络站');

    await printAgain(page, 'print-summary', 'print-only-summary');
    expect(await page.getByTestId('print-header').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: '代表联络站' }).isVisible()).toBe(false);
    // no buttons; a sortable table's headers print as plain headers
    expect(await page.locator('button:visible:not(th button)').count()).toBe(0);
    await screenshot(page, 'outputs-annual-summary-print');
    await context.close();
  });

  it('the printed county comparison carries its head, each chart with its data table, and the marks', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await openCountyComparison(page);
    const pages = await printToPdf(page, 'print-comparison');
    const text = pages.join('\n');
    expect(text).toContain('示范县乡镇比较');
    expect(text).toContain('期间：2021年');
    for (const title of [
      '群利镇2021年人大工作总结',
      '镇江镇2021年人大工作报告',
      '思蒙镇2021年人大工作总结及2022年工作计划',
    ])
      expect(text).toContain(title);
    expect(text).not.toMatch(/\.txt/);
    expect(text).toMatch(/乡镇：.*群利镇.*镇江镇|乡镇：.*镇江镇.*群利镇/);
    expect(text).toMatch(/打印日期：\d{4}年/);
    pages.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages.length}`));
    expect(text).not.toMatch(BUTTONS);
    // the charts' data tables: the lower bound "≥30" of 镇江镇's supervisions, and the marks
    expect(text).toContain('≥30');
    expect(text).toMatch(/模拟/);
    expect(text).toMatch(/未知/);
    // other panels stay off paper
    expect(text).not.toContain('季度趋势');

    await printAgain(page, 'print-comparison', 'print-only-comparison');
    const panel = page.getByTestId('comparison-panel');
    expect(await panel.locator('canvas').count()).toBe(2);
    expect(await panel.locator('canvas').first().isVisible()).toBe(true);
    expect(await panel.locator('table.chart-data-table').first().isVisible()).toBe(true);
    // no buttons; a sortable table's headers print as plain headers
    expect(await page.locator('button:visible:not(th button)').count()).toBe(0);
    expect(await page.getByTestId('trend-panel').isVisible()).toBe(false);
    await screenshot(page, 'outputs-county-comparison-print');
    await context.close();
  });

  it('an exported chart PNG carries title, period, unit and source above the chart', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await openCountyComparison(page);
    const card = page.locator('.comparison-card[data-metric="supervisions"]');
    const canvas = card.locator('canvas');
    await canvas.waitFor();
    const bare = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: /^导出 PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('renda-compare-supervisions.png');
    const png = readFileSync((await download.path())!);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await download.saveAs(join(SCREENSHOTS, 'outputs-exported-chart.png'));
    const size = pngSize(png);
    expect(size.width).toBe(bare.width);
    // caption above and marks below: taller than the bare chart
    expect(size.height).toBeGreaterThan(bare.height + 60);
    // the caption band holds text: dark pixels on its white, where the bare chart would start
    const dark = await page.evaluate(
      async (dataUrl: string) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const c = document.createElement('canvas');
        c.width = image.width;
        c.height = image.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const band = ctx.getImageData(0, 0, image.width, Math.round(image.height * 0.12)).data;
        let count = 0;
        for (let i = 0; i < band.length; i += 4)
          if (band[i]! < 128 && band[i + 1]! < 128 && band[i + 2]! < 128) count++;
        return count;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
    expect(dark).toBeGreaterThan(200);
    await screenshot(page, 'outputs-export-png');
    await context.close();
  });

  it('charts: ≥ for lower bounds, % for rates; the trend keeps metric and township across years; English axis labels', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await openCountyComparison(page);
    const supervisions = page.locator('.comparison-card[data-metric="supervisions"] table.chart-data-table');
    expect(await supervisions.locator('tr', { hasText: '镇江镇' }).textContent()).toContain('≥30');
    const rate = page.locator('.comparison-card[data-metric="suggestion_completion_rate"] table.chart-data-table');
    expect(await rate.locator('tr', { hasText: '思蒙镇' }).textContent()).toContain('100%');

    const trend = page.getByTestId('trend-panel');
    await page.getByTestId('trend-metric').selectOption('suggestion_completion_rate');
    const townships = await page.getByTestId('trend-township').locator('option').all();
    const chosen = (await townships[1]!.getAttribute('value'))!;
    await page.getByTestId('trend-township').selectOption(chosen);
    await waitForText(trend.locator('table caption'), /建议/);
    await page.getByTestId('overview-year').selectOption('2022');
    await waitForText(trend.locator('table tbody tr').first(), /2020/);
    expect(await page.getByTestId('trend-metric').inputValue()).toBe('suggestion_completion_rate');
    expect(await page.getByTestId('trend-township').inputValue()).toBe(chosen);
    await page.getByTestId('overview-year').selectOption('2021');
    await waitForText(trend.locator('table tbody tr').first(), /2019/);

    await page.getByTestId('locale-switch').click();
    await waitForText(page.locator('h1'), /County overview|overview/i);
    const axis = await waitForText(trend.locator('table tbody tr th').first(), /Q1 2019/);
    expect(axis).not.toMatch(/年|季度/);
    expect(await trend.locator('table tbody').textContent()).not.toMatch(/年第|季度/);
    expect(await page.getByTestId('trend-metric').inputValue()).toBe('suggestion_completion_rate');
    await screenshot(page, 'outputs-charts-english');
    await context.close();
  });
});
