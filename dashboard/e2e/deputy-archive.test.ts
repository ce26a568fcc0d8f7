import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';
import { pdfPages } from './support/pdf-text';

describe('deputy archive', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('county staff open a deputy’s 2021 archive from the township’s ranking; the card prints on one A4 page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('nav-township-index').click();
    await page.getByTestId('township-link-SIMENG').click();
    await waitForText(page.getByTestId('township-name'), /思蒙镇/);
    await page.getByTestId('performance-ranking-link').click();
    await page.waitForURL(/\/performance/);
    await page.goto(`${new URL(page.url()).pathname}?year=2021`);
    await page.getByTestId('performance-ranking').waitFor();
    const rows = page.getByTestId('performance-ranking').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    await screenshot(page, 'staff-performance-ranking-simeng-2021');
    await rows.first().locator('a').click();
    await page.waitForURL(/\/deputies\/.+\/archive\?year=2021/);
    await waitForText(page.getByTestId('archive-title'), /2021年度履职档案/);
    // 思蒙镇's activities are not known complete: unknown kinds say 未录入, never 0.
    const cells = await page.locator('[data-testid=archive-counts] td').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.trim() === '0')).toEqual([]);
    await page.getByTestId('points-total').waitFor();
    await screenshot(page, 'staff-deputy-archive-2021');

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(await pdfPages(pdf)).toHaveLength(1);
    await context.close();
  });
});
