import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/** The ranking table's values of a metric, township by township (county order kept by name). */
async function valuesOf(page: Page, metric: string): Promise<Record<string, string>> {
  const rows = page.locator(`[data-testid="ranking-table"][data-metric="${metric}"] tbody tr`);
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    out[(await row.getAttribute('data-township')) ?? ''] = (
      (await row.getByTestId('value').textContent()) ?? ''
    ).trim();
  }
  return out;
}

describe('county overview', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('county staff compare townships on two metrics, per deputy, and open 思蒙镇’s annual summary', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    expect(new URL(page.url()).pathname).toBe('/county');
    await waitForText(page.locator('h1'), /全县概览/);
    await page.getByTestId('overview-year').selectOption('2021');
    await page.getByTestId('overview-quarter').selectOption({ label: '全年' });
    // headline tiles: 2021's reporting and on-time rates and the county's suggestion completion
    await waitForText(page.getByTestId('headline-reporting-rate'), /\d+(\.\d+)?%/);
    await waitForText(page.getByTestId('headline-on-time-rate'), /\d+(\.\d+)?%/);
    await waitForText(page.getByTestId('headline-completion'), /\d+(\.\d+)?%/);
    await page.getByTestId('compare-metric-1').selectOption('inspections');
    await page.getByTestId('compare-metric-2').selectOption('suggestion_completion_rate');

    const inspections = page.locator('[data-testid="ranking-table"][data-metric="inspections"]');
    const completion = page.locator('[data-testid="ranking-table"][data-metric="suggestion_completion_rate"]');
    await waitForText(inspections.locator('tbody tr[data-township="思蒙镇"]'), /\d/);
    await waitForText(completion.locator('tbody tr[data-township="思蒙镇"]'), /100%/);
    expect(await inspections.locator('tbody tr').count()).toBe(5);
    const before = await valuesOf(page, 'inspections');
    const ratesBefore = await valuesOf(page, 'suggestion_completion_rate');
    // ranks 1… are shown; unknown is 未知, never 0
    // (a rank may carry its 排名含模拟 mark after the number)
    const ranks = await inspections.getByTestId('rank').allTextContents();
    expect(ranks.map((r) => r.trim().split(/\s/)[0])).toContain('1');
    // rates show numerator / denominator
    expect(await completion.locator('tbody tr[data-township="思蒙镇"]').getByTestId('fraction').textContent()).toMatch(
      /11\s*\/\s*11/,
    );
    await page.locator('canvas').first().waitFor();

    await page.getByTestId('per-deputy').check();
    await waitForText(page.locator('.comparison-card[data-metric="inspections"] .chart-card__title'), /每十名代表/);
    const deadline = Date.now() + 15_000;
    let after = await valuesOf(page, 'inspections');
    while (JSON.stringify(after) === JSON.stringify(before) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await valuesOf(page, 'inspections');
    }
    const changed = Object.keys(before).filter((k) => before[k] !== after[k] && !before[k]!.includes('未知'));
    expect(changed.length).toBeGreaterThan(0);
    // a rate is not changed by per-deputy normalisation
    expect(await valuesOf(page, 'suggestion_completion_rate')).toEqual(ratesBefore);
    expect((await inspections.getByTestId('rank').allTextContents()).map((r) => r.trim().split(/\s/)[0])).toContain(
      '1',
    );
    expect(await page.getByTestId('per-deputy-note').textContent()).toContain('只改变计数类指标');
    // sortable: by value, highest first
    await inspections.getByTestId('sort-value').click();
    expect(await inspections.locator('thead th[aria-sort="descending"]').count()).toBe(1);
    await page.getByTestId('profile-panel').locator('canvas').waitFor();
    await page.getByTestId('trend-panel').locator('canvas').waitFor();
    await screenshot(page, 'staff-county-overview');

    await inspections.locator('tbody tr[data-township="思蒙镇"] a').click();
    await waitForText(page.getByTestId('township-name'), /思蒙镇/);
    const paragraph = await waitForText(page.getByTestId('summary-paragraph'), /办结率100%/);
    expect(paragraph).toContain('2021');
    expect(await page.getByTestId('print-summary').isVisible()).toBe(true);
    await page.getByTestId('annual-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-simeng-annual-summary');
    // printing: the button prints the summary alone (the print dialog itself is stubbed)
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('print-summary').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('summary-paragraph').isVisible()).toBe(true);
    expect(await page.locator('#deputies').isVisible()).toBe(false);
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    await screenshot(page, 'staff-simeng-annual-summary-print');
    await context.close();
  });
});
