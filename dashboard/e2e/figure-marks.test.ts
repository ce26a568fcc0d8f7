import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/** The row of a township in the ranking table of a metric. */
const rankingRow = (page: Page, metric: string, township: string): Locator =>
  page.locator(`[data-testid="ranking-table"][data-metric="${metric}"] tbody tr[data-township="${township}"]`);

/** Rows of a chart's hidden data table: [period label, value text of each series]. */
async function chartTable(panel: Locator): Promise<string[][]> {
  const rows = panel.locator('table.chart-data-table tbody tr');
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator('th, td').allTextContents()).map((text) => text.trim()));
  }
  return out;
}

describe('figures a county can trust: 未知 is never 0, 模拟 is always marked', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the overview lands on the latest period with reported data, not on the newest record’s year', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await waitForText(page.getByTestId('headline-reporting-rate'), /\S/);
    // Other scenarios may submit a quarterly report (a later period with reported data) or record an
    // activity (a later record, which must not move it): ask the server which period that is.
    const landing = await page.evaluate(async () => {
      const session = JSON.parse(sessionStorage.getItem('renda.session') ?? '{}') as { token?: string };
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token ?? ''}` },
        body: JSON.stringify({ query: '{ landingPeriods { overviewYear overviewQuarter } }' }),
      });
      const body = (await response.json()) as {
        data: { landingPeriods: { overviewYear: number; overviewQuarter: number | null } };
      };
      return body.data.landingPeriods;
    });
    // The seed's reports are of 2021 (a whole year); a report submitted by another scenario is a quarter.
    if (landing.overviewYear === 2021) expect(landing.overviewQuarter).toBeNull();
    else expect(landing.overviewQuarter).not.toBeNull();
    expect(await page.getByTestId('overview-year').inputValue()).toBe(String(landing.overviewYear));
    const quarter = await page
      .getByTestId('overview-quarter')
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    expect(quarter.trim()).toBe(landing.overviewQuarter === null ? '全年' : `第${landing.overviewQuarter}季度`);
    await context.close();
  });

  it('2021: 思蒙镇’s inspections are 未知 with a reason, not 0', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('overview-year').selectOption('2021');
    await page.getByTestId('overview-quarter').selectOption({ label: '全年' });
    await page.getByTestId('compare-metric-1').selectOption('inspections');

    const simeng = rankingRow(page, 'inspections', '思蒙镇');
    const value = await waitForText(simeng.getByTestId('value'), /未知/);
    expect(value).not.toMatch(/(^|\D)0次/);
    expect(await simeng.getByTestId('rank').textContent()).toContain('—');
    expect(await simeng.locator('[data-mark="unknown-reason"]').count()).toBe(1);
    await screenshot(page, 'marks-overview-2021-inspections');
    await context.close();
  });

  it('2021 year view: the suggestion-completion ranking is marked 模拟, on the page and in the PNG', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('overview-year').selectOption('2021');
    await page.getByTestId('overview-quarter').selectOption({ label: '全年' });
    await page.getByTestId('compare-metric-2').selectOption('suggestion_completion_rate');
    // 群利镇's 25 % rests on generated suggestions: its value and every rank in the year view say so
    const qunli = rankingRow(page, 'suggestion_completion_rate', '群利镇');
    await waitForText(qunli.getByTestId('value'), /%/);
    expect(await qunli.getByTestId('value').locator('[data-mark="synthetic"]').count()).toBe(1);
    expect(await qunli.getByTestId('rank').locator('[data-mark="rank-synthetic"]').count()).toBe(1);
    const card = page.locator('.comparison-card[data-metric="suggestion_completion_rate"]');
    expect(await card.getByTestId('chart-footnotes').textContent()).toContain('模拟');
    // the exported PNG carries the same legend: taller than the chart's canvas by its footnote lines
    const canvasHeight = await card.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.height);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.locator('.chart-card__header button').click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(20)).toBeGreaterThan(canvasHeight);
    await screenshot(page, 'marks-overview-2021');
    await context.close();
  });

  it('the trend breaks at unknown quarters instead of dropping to 0', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('overview-year').selectOption('2021');
    await page.getByTestId('overview-quarter').selectOption({ label: '全年' });
    const panel = page.getByTestId('trend-panel');
    await page.getByTestId('trend-metric').selectOption('inspections');
    await panel.locator('canvas').waitFor();
    await waitForText(panel.locator('table.chart-data-table tbody tr').first(), /2019/);
    const rows = await chartTable(panel);
    // 2019 and 2020: no report submitted and no complete records anywhere in the county
    const early = rows.filter(([label]) => /^(2019|2020)/.test(label ?? ''));
    expect(early.length).toBe(8);
    for (const [, county] of early) expect(county).toMatch(/^未知/);
    // 2021 is known for the county
    expect(rows.filter(([label]) => /^2021/.test(label ?? '')).some(([, county]) => /\d/.test(county ?? ''))).toBe(
      true,
    );
    await screenshot(page, 'marks-trend');
    await context.close();
  });

  it('the printed annual summary carries the marks', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('nav-township-index').click();
    await page.getByTestId('township-link-ZHENJIANG').click();
    await waitForText(page.getByTestId('township-name'), /镇江镇/);
    const summary = page.getByTestId('annual-summary');
    await waitForText(summary.getByTestId('summary-figures'), /\d/);
    // generated facts are left out by default; asked for, their sentences are marked 模拟
    const paragraph = summary.getByTestId('summary-paragraph');
    expect(await paragraph.locator('[data-mark="synthetic"]').count()).toBe(0);
    await summary.getByTestId('summary-include-synthetic').check();
    const deadline = Date.now() + 15_000;
    while ((await paragraph.locator('[data-mark="synthetic"]').count()) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await paragraph.locator('[data-mark="synthetic"]').count()).toBeGreaterThan(0);
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('print-summary').click();
    await page.emulateMedia({ media: 'print' });
    // 镇江镇's 12 inspections are all generated rows
    const inspections = summary.locator('[data-testid="summary-figures"] tr[data-metric="inspections"]');
    expect(await inspections.locator('[data-mark="synthetic"]').isVisible()).toBe(true);
    expect(await paragraph.locator('[data-mark="synthetic"]').first().isVisible()).toBe(true);
    // each sentence lists the facts it rests on, generated ones marked, on paper too
    const bases = summary.getByTestId('summary-bases');
    expect(await bases.isVisible()).toBe(true);
    expect(await bases.locator(':scope > ol > li').count()).toBe(await paragraph.locator('.summary-sentence').count());
    expect(await bases.locator('[data-mark="synthetic"]').first().isVisible()).toBe(true);
    expect(await summary.getByTestId('summary-include-synthetic').isVisible()).toBe(false);
    await screenshot(page, 'marks-zhenjiang-summary-print');
    await context.close();
  });

  it('the unnamed town, whose report covers a term, opens on its term summary rather than on a year', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('nav-township-index').click();
    await page.getByTestId('township-link-UNNAMED').click();
    const summary = page.getByTestId('annual-summary');
    await waitForText(summary.locator('h2'), /第二届/);
    const picked = await page
      .getByTestId('summary-year')
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.parentElement?.getAttribute('label') ?? '');
    expect(picked).toBe('整届');
    const paragraph = await waitForText(summary.getByTestId('summary-paragraph'), /\S/);
    expect(paragraph).not.toMatch(/0次|至少1次/);
    await screenshot(page, 'marks-unnamed-term-summary');
    await context.close();
  });
});
