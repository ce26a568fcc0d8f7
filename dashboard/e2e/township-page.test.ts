import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

describe('township page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('county staff open 思蒙镇: 11 suggestions, all completed (100%)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.getByTestId('nav-township-index').click();
    await page.getByTestId('township-link-SIMENG').click();
    await waitForText(page.getByTestId('township-name'), /思蒙镇/);
    await waitForText(page.getByTestId('suggestions-total'), /^\s*11\s*$/);
    const rate = await waitForText(page.getByTestId('suggestions-completion-rate'), /100%/);
    expect(rate).toContain('100%');
    expect(await page.getByTestId('suggestions-completion').textContent()).toContain('办结 11 / 11 件');
    expect(Number(await page.getByTestId('deputies-total').textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId('stations-table').locator('tbody tr').count()).toBeGreaterThan(0);
    // synthetic data is marked
    expect(await page.locator('.badge--synthetic').count()).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'staff-township-simeng');

    // every chart exports as PNG: a chart.js canvas and the SVG calendar. The calendar opens on the year of
    // the latest activity, which other browser tests may have moved (the keyboard test records one for
    // 思蒙镇 today): the file is named for the year shown.
    const calendarYear = await page.getByTestId('activity-year').inputValue();
    expect(Number(calendarYear)).toBeGreaterThanOrEqual(2021);
    for (const [button, name] of [
      [page.locator('#deputies .chart-card button').first(), 'SIMENG-deputies-level.png'],
      [page.locator('#activities .chart-card button').first(), `SIMENG-activities-${calendarYear}-calendar.png`],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(name);
      const png = readFileSync((await download.path())!);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.length).toBeGreaterThan(1000);
    }

    // a deep link survives a reload (the server's SPA fallback), and fits a tablet
    const url = page.url();
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(url);
    await waitForText(page.getByTestId('suggestions-total'), /11/);
    await screenshot(page, 'staff-township-simeng-tablet');
    await context.close();
  });
});
