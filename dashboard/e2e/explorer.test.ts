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
    // headers are the data dictionary's labels; the field path stays in the title
    expect(await table.locator('thead').textContent()).toContain('名称');
    expect(await table.locator('thead th[title="suggestions.totalCount"]').count()).toBe(1);
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

  it('labels results from the data dictionary, says 未知 for nulls, charts a measure, locates errors, asks before deleting', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.analyst');
    await page.goto('/explorer');
    await waitForText(page.locator('.field__hint').first(), /按数据结构补全/);

    await page.getByTestId('example-figures').click();
    await page.getByTestId('run-query').click();
    const table = page.getByTestId('result-table');
    await waitForText(page.getByTestId('result-summary'), /\d+ 行/);
    const head = (await table.locator('thead').textContent()) ?? '';
    for (const label of ['乡镇·名称', '指标', '期间类型', '年份', '数值', '数值限定', '数据来源'])
      expect(head).toContain(label);
    const cells = (await table.locator('tbody td').allTextContents()).map((c) => c.trim());
    expect(cells).toContain('年度'); // periodKind YEAR
    expect(cells).toContain('报告'); // provenance REPORTED
    expect(cells).toContain('视察次数'); // metricKey inspections, by the catalog's name
    expect(cells).toContain('未知'); // a figure the report gives as "X项": null
    expect(cells).not.toContain('YEAR');
    expect(cells).not.toContain('');
    await page.getByTestId('tab-chart').click();
    // keys and years are not what one charts: the value column is the default
    expect(await page.getByTestId('chart-value-column').inputValue()).toBe('value');
    await page.locator('canvas').first().waitFor();
    await screenshot(page, 'analyst-explorer-labels');

    // a query the schema refuses: the server's message with line, column and field
    await page.getByTestId('graphql-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{\n  townships(first: 1) {\n    nodes { nam }\n  }\n}');
    await page.getByTestId('run-query').click();
    const alert = page.locator('[role="alert"]');
    await waitForText(alert, /类型 Township 没有字段 nam/);
    const details = await waitForText(page.getByTestId('error-details'), /第 3 行/);
    expect(details).toContain('第 3 行，第 13 列');
    expect(details).toContain('字段：Township.nam');
    expect(details).toContain('Cannot query field "nam" on type "Township"');
    await screenshot(page, 'analyst-explorer-error');

    // deleting a saved query asks first: dismissed, it stays; confirmed, it goes
    await page.getByTestId('example-townships').click();
    await page.getByTestId('query-name').fill('to-delete');
    await page.getByTestId('save-query').click();
    const saved = page.locator('[data-testid="saved-query"][data-name="to-delete"]');
    await saved.waitFor();
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await saved.getByTestId('delete-query').click();
    expect(questions).toEqual(['删除已保存的查询“to-delete”？此操作不能撤销。']);
    expect(await saved.count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await saved.getByTestId('delete-query').click();
    await saved.waitFor({ state: 'detached' });
    await context.close();
  });
});
