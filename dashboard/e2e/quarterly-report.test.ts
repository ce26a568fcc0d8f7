import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

describe('quarterly report: a clerk submits, county staff accept', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a clerk overrides one value with a reason and submits 2024 Q1', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'qunli.clerk');
    expect(new URL(page.url()).pathname).toBe('/todo');
    await page.getByTestId('nav-quarterly-report').click();
    await page.getByTestId('quarterly-year').selectOption('2024');
    await page.getByTestId('quarterly-quarter').selectOption('1');
    await page.getByTestId('quarterly-open').click();
    await page.waitForURL('**/reports/quarterly/2024/1');
    await waitForText(page.getByTestId('quarterly-state'), /尚未报送/);

    const row = page.locator('tr[data-metric="inspections"]');
    const input = row.getByTestId('value-input');
    const recorded = Number((await input.inputValue()) || '0');
    await input.fill(String(recorded + 2));
    // validated while typing: the override needs a reason, and submitting waits for it
    await waitForText(row.locator('.field__error'), /须说明理由/);
    expect(await page.getByTestId('quarterly-submit').isDisabled()).toBe(true);
    await row.getByTestId('reason-input').fill('补录两次视察（纸质台账）');
    await waitForText(page.getByTestId('quarterly-submit'), /报送/);
    expect(await page.getByTestId('form-errors').count()).toBe(0);
    await page.getByTestId('quarterly-submit').click();

    await waitForText(page.getByTestId('quarterly-submitted'), /已报送（第 1 次报送，版本 1）/);
    await waitForText(page.getByTestId('quarterly-state'), /已报送/);
    const history = await waitForText(page.getByTestId('quarterly-history'), /补录两次视察/);
    expect(history).toContain('第 1 次报送');
    await screenshot(page, 'clerk-quarterly-report-submitted');
    await context.close();
  });

  it('county staff see the reporting states of reportingStatus on the board and accept the report', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    expect(new URL(page.url()).pathname).toBe('/county');
    await page.getByTestId('nav-report-status').click();
    await page.waitForURL('**/reports/status');
    await page.getByTestId('status-year').selectOption('2024');
    await page.waitForURL('**/reports/status/2024');
    const cell = page.locator('tr[data-township="群利镇"] td[data-quarter="1"]');
    await waitForText(cell.getByTestId('report-state'), /已报送/);
    expect(await cell.getByTestId('report-state').getAttribute('data-status')).toBe('SUBMITTED_LATE');
    expect(await cell.textContent()).toContain('逾期');
    // every township × quarter has a state from reportingStatus; the rest of 2024 was never submitted
    const states = await page
      .getByTestId('report-state')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(states).toHaveLength(20);
    expect(states).toContain('MISSING');
    await waitForText(page.getByTestId('reporting-rate'), /报送率\s*\d+(\.\d+)?%/);
    await waitForText(page.getByTestId('on-time-rate'), /按时报送率\s*\d+(\.\d+)?%/);
    await cell.getByTestId('accept-report').click();
    // accepting asks first (review-and-reminders.test.ts covers the dialog and focus)
    await page.getByTestId('confirm-accept').click();
    await waitForText(page.getByTestId('status-message'), /已接收 群利镇 第 1 季度报表/);
    await waitForText(cell.getByTestId('report-state'), /已接收/);
    expect(await cell.getByTestId('report-state').getAttribute('data-status')).toBe('ACCEPTED');
    expect(await cell.getByTestId('accept-report').count()).toBe(0);
    await screenshot(page, 'staff-status-board-accepted');
    await context.close();
  });

  it('a lost answer is retried with the same idempotency key and not stored twice', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'qunli.clerk');
    await page.goto('/reports/quarterly/2024/3');
    await waitForText(page.getByTestId('quarterly-state'), /尚未报送/);
    // the server stores the submission, but its answer never reaches the browser
    let dropped = false;
    await page.route('**/graphql', async (route) => {
      if (!dropped && (route.request().postData() ?? '').includes('SubmitQuarterlyReport')) {
        dropped = true;
        await route.fetch();
        await route.abort('failed');
      } else {
        await route.continue();
      }
    });
    await page.getByTestId('quarterly-submit').click();
    await waitForText(page.getByRole('alert'), /无法连接服务器/);
    await waitForText(page.getByTestId('quarterly-submit'), /重新报送/);
    await page.unroute('**/graphql');
    await page.getByTestId('quarterly-submit').click();
    await waitForText(page.getByTestId('quarterly-submitted'), /此前已成功保存/);
    expect(await page.getByTestId('quarterly-submitted').textContent()).toContain('第 1 次报送');
    await waitForText(page.getByTestId('quarterly-history'), /第 1 次报送/);
    expect(await page.getByTestId('quarterly-history').locator('li.card').count()).toBe(1);
    await context.close();
  });

  it('a stale form gets CONFLICT and reloads; a returned report shows the county’s reason', async () => {
    const clerk = await newContext(browser);
    const first = await clerk.newPage();
    const second = await clerk.newPage();
    for (const page of [first, second]) {
      // the session is per tab (sessionStorage)
      await signIn(page, 'qunli.clerk');
      await page.goto('/reports/quarterly/2024/2');
      await waitForText(page.getByTestId('quarterly-state'), /尚未报送/);
    }
    await first.getByTestId('quarterly-submit').click();
    await waitForText(first.getByTestId('quarterly-submitted'), /版本 1/);
    // The same values would be answered 'unchanged' (clerk-day.test.ts); a different one conflicts.
    const resolutions = second.locator('tr[data-metric="resolutions_made"]').getByTestId('value-input');
    await resolutions.fill('1');
    await second.getByTestId('quarterly-submit').click();
    await waitForText(second.getByTestId('quarterly-conflict'), /已被他人更新/);
    await screenshot(second, 'clerk-quarterly-report-conflict');
    await second.getByTestId('quarterly-conflict').getByRole('button').click();
    await waitForText(second.getByTestId('quarterly-state'), /已报送/);
    // Only this tab changed that figure: it is kept on the newer version, nothing to choose.
    expect(await resolutions.inputValue()).toBe('1');
    expect(await second.getByTestId('merge-row').count()).toBe(0);

    const staff = await newContext(browser);
    const board = await staff.newPage();
    await signIn(board, 'demo.staff');
    await board.goto('/reports/status/2024');
    const cell = board.locator('tr[data-township="群利镇"] td[data-quarter="2"]');
    await waitForText(cell.getByTestId('report-state'), /已报送/);
    await cell.getByTestId('return-report').click();
    await board.getByTestId('confirm-return').click();
    await waitForText(board.locator('dialog .field__error'), /请填写退回理由/);
    await board.getByTestId('return-reason-input').fill('视察次数与台账不符，请核实后重报');
    await board.getByTestId('confirm-return').click();
    await waitForText(cell.getByTestId('report-state'), /已退回/);
    await staff.close();

    await second.reload();
    await waitForText(second.getByTestId('return-reason'), /视察次数与台账不符/);
    await screenshot(second, 'clerk-quarterly-report-returned');
    await clerk.close();
  });
});
