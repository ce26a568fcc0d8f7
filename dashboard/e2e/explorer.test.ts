import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

describe('analyst explorer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a query typed in the editor, saves it on the server and downloads CSV from the server', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.analyst');
    expect(new URL(page.url()).pathname).toBe('/county');
    await page.getByTestId('nav-explorer').click();
    await page.waitForURL('**/explorer');

    const editor = page.getByTestId('graphql-editor');
    await waitForText(page.locator('.field__hint').first(), /按数据结构补全/);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // schema-aware completion: root fields of the running server
    await page.keyboard.type('{ townsh');
    await waitForText(page.locator('.cm-tooltip-autocomplete'), /townships/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(
      '{ townships(first: 10) { nodes { name code suggestions(first: 1) { totalCount } } } }',
    );
    await page.keyboard.press('Control+Enter');
    await waitForText(page.getByTestId('result-summary'), /5 行/);
    const table = page.getByTestId('result-table');
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('thead').textContent()).toContain('suggestions.totalCount');
    expect(await table.textContent()).toContain('思蒙镇');

    await page.getByTestId('query-name').fill('townships');
    // saved server-side: still there in a fresh browser profile (no localStorage)
    await page.getByTestId('save-query').click();
    await waitForText(page.getByTestId('saved-message'), /已保存“townships”/);
    await waitForText(page.getByTestId('saved-queries'), /townships/);
    const other = await newContext(browser);
    const second = await other.newPage();
    await signIn(second, 'demo.analyst');
    await second.goto('/explorer');
    await waitForText(second.getByTestId('saved-queries').locator('summary'), /\(1\)/);
    await second.locator('[data-testid="saved-query"][data-name="townships"]').getByTestId('load-query').click();
    expect(await second.getByTestId('query-name').inputValue()).toBe('townships');
    await screenshot(second, 'analyst-explorer-saved-query');
    await other.close();

    const [request, download] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/export/csv') && r.method() === 'POST'),
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(request.headers()['authorization']).toMatch(/^Bearer /);
    expect(JSON.parse(request.postData() ?? '{}').query).toContain('townships(first: 10)');
    expect(download.suggestedFilename()).toMatch(/^renda-townships-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('name,code,suggestions.totalCount');
    expect(lines).toHaveLength(6);
    expect(csv).toContain('思蒙镇,SIMENG,11');

    await page.getByTestId('tab-chart').click();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'analyst-explorer');
    await context.close();
  });
});
