import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/** 鹤毛镇's term as the seed data names it (seeds/src/townships/hemao-township.ts). */
const TERM = '鹤毛镇本届人民代表大会（2016—2021，届次未载明）';
const HEAD = ['姓名', '届次', '性别', '代表层级', '联络站'];

async function roster(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('代表名册').addRows([HEAD, ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('importing a register', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a clerk uploads a roster with errors, reads them by row and column, fixes the file and imports it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'hemao.clerk');
    await page.getByTestId('nav-data-import').click();
    await waitForText(page.getByTestId('import-commit-reason'), /请先选择文件/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    const wrong = await roster([
      ['浏览器甲', TERM, '男', '乡镇人大代表', ''],
      ['浏览器乙', TERM, '未知', '乡镇人大代表', '没有这个联络站'],
    ]);
    await page.getByTestId('import-file').setInputFiles({ name: '代表名册.xlsx', mimeType: XLSX, buffer: wrong });
    await waitForText(page.getByTestId('import-problems'), /发现 2 处问题/);
    const problems = await page.getByTestId('import-problem').allInnerTexts();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/代表名册\s+3\s+性别\s+“性别”无此选项：未知/);
    expect(problems[1]).toMatch(/代表名册\s+3\s+联络站\s+未知的代表联络站：没有这个联络站/);
    await waitForText(page.getByTestId('import-commit-reason'), /请先改正 2 处问题/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await screenshot(page, 'clerk-import-preview-errors');

    const fixed = await roster([
      ['浏览器甲', TERM, '男', '乡镇人大代表', ''],
      ['浏览器乙', TERM, '女', '乡镇人大代表', ''],
    ]);
    await page.getByTestId('import-file').setInputFiles({ name: '代表名册.xlsx', mimeType: XLSX, buffer: fixed });
    await waitForText(page.getByTestId('import-clean'), /没有发现问题/);
    await page.getByTestId('import-commit').click();
    await waitForText(page.getByTestId('import-done'), /已导入 代表名册\.xlsx/);
    const counts = await page.getByTestId('import-sheets').locator('tbody tr').first().innerText();
    expect(counts).toMatch(/代表名册\s+2\s+2\s+0/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await screenshot(page, 'clerk-import-committed');

    // The same file again adds nothing.
    await page.getByTestId('import-file').setInputFiles({ name: '代表名册.xlsx', mimeType: XLSX, buffer: fixed });
    await waitForText(page.getByTestId('import-clean'), /没有发现问题/);
    const again = page.getByTestId('import-sheets').locator('tbody tr').first();
    expect(await again.locator('td').allInnerTexts()).toEqual(['2', '0', '2']);
    await context.close();
  });
});
