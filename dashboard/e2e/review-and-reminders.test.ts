import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/** GraphQL straight at the server, to set up what a clerk would have submitted. */
async function api<T>(
  request: APIRequestContext,
  login: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const signedIn = await request.post('/graphql', {
    data: {
      query: 'mutation ($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }',
      variables: { l: login, p: DEMO_PASSWORD },
    },
  });
  const token = ((await signedIn.json()) as { data: { login: { token: string } } }).data.login.token;
  const res = await request.post('/graphql', {
    data: { query, variables },
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

interface Draft {
  quarterlyReportDraft: {
    version: number;
    report: { state: string } | null;
    values: { metricKey: string; recordedValue: number | null; kind: string }[];
  };
}

/** Submits a quarter as the clerk would, with the given overrides; a correction of an accepted report says why. */
async function submit(
  request: APIRequestContext,
  login: string,
  year: number,
  quarter: number,
  values: (draft: Draft['quarterlyReportDraft']) => Record<string, unknown>[] = () => [],
): Promise<void> {
  const { quarterlyReportDraft: draft } = await api<Draft>(
    request,
    login,
    'query ($y: Int!, $q: Int!) { quarterlyReportDraft(year: $y, quarter: $q) { version report { state } values { metricKey recordedValue kind } } }',
    { y: year, q: quarter },
  );
  await api(
    request,
    login,
    'mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { replayed } }',
    {
      input: {
        year,
        quarter,
        idempotencyKey: `e2e-review-${login}-${year}-${quarter}-${draft.version}`,
        expectedVersion: draft.version,
        values: values(draft),
        correctionReason: draft.report?.state === 'ACCEPTED' ? '浏览器测试更正' : null,
      },
    },
  );
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('review before accepting, history with actors, 催报 and notifications', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a report from its cell: values beside the counted, previous quarter and revision, the override and its reason, deadline, overdue days and submitter; accepting asks first and keeps focus', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // 镇江镇 2025 Q2: a first submission as counted, then a correction that overrides one count with a reason.
    await submit(page.request, 'zhenjiang.clerk', 2025, 2);
    let overridden = '';
    await submit(page.request, 'zhenjiang.clerk', 2025, 2, (draft) => {
      const count = draft.values.find((v) => v.kind === 'COUNT' && v.recordedValue !== null)!;
      overridden = count.metricKey;
      return [
        {
          metricKey: count.metricKey,
          reportedValue: count.recordedValue! + 3,
          overrideReason: '补录三次视察（纸质台账）',
        },
      ];
    });

    await signIn(page, 'demo.staff');
    await page.goto('/reports/status/2025');
    const cell = page.locator('tr[data-township="镇江镇"] td[data-quarter="2"]');
    await waitForText(cell.getByTestId('report-state'), /已报送/);
    // Chinese names of quarters and versions on the board, the deadline and overdue days in each cell
    const heads = await page.locator('[data-testid="status-board"] thead th').allTextContents();
    expect(heads.slice(1).map((h) => h.trim())).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect(await cell.textContent()).toMatch(/第\d+版/);
    await waitForText(cell.getByTestId('cell-deadline'), /截止/);
    expect(await cell.getByTestId('cell-overdue').textContent()).toMatch(/晚报 \d+ 天/);

    await cell.getByTestId('review-report').click();
    const review = page.getByTestId('review-dialog');
    const row = review.locator(`tr[data-metric="${overridden}"]`);
    await waitForText(row.getByTestId('review-reason'), /补录三次视察/);
    expect(await row.getAttribute('data-override')).toBe('true');
    const reported = Number((await row.getByTestId('review-reported').textContent())!.replace(/[^\d.]/g, ''));
    const counted = Number((await row.getByTestId('review-counted').textContent())!.replace(/[^\d.]/g, ''));
    expect(reported - counted).toBe(3);
    expect(Number((await row.getByTestId('review-previous-revision').textContent())!.replace(/[^\d.]/g, ''))).toBe(
      counted,
    );
    expect(await review.locator('th', { hasText: '上季度' }).textContent()).toContain('2025 一季度');
    expect(await review.getByTestId('review-deadline').textContent()).toMatch(/2025/);
    expect(await review.getByTestId('review-overdue').textContent()).toMatch(/\d+ 天/);
    await waitForText(review.getByTestId('review-submitter'), /（.*2025|（.*\d{4}/);
    expect(await review.getByTestId('review-submitter').textContent()).not.toContain('未知用户');
    await waitForText(review.getByTestId('report-events'), /更正报送/);
    await screenshot(page, 'staff-review-report');

    // close with the keyboard: focus returns to the cell's review button
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'review-report');

    // accept by keyboard: Enter on the cell's accept button asks first; Escape cancels and keeps focus there
    await cell.getByTestId('accept-report').focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('accept-dialog');
    await waitForText(confirm, /接收 镇江镇 2025 年二季度报表？/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cancel-accept');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'accept-report');
    expect(await cell.getByTestId('report-state').getAttribute('data-status')).not.toBe('ACCEPTED');
    // Reopened before the closed dialog's `close` event arrives (it comes as a task of its own, after
    // Chromium has already handed focus back): a quick user, or a busy machine, gets the full dialog again.
    await page.keyboard.press('Enter');
    await waitForText(confirm, /接收 镇江镇/);
    await page.evaluate(() => {
      document.querySelector<HTMLDialogElement>('[data-testid="accept-dialog"]')!.close();
      document
        .querySelector<HTMLButtonElement>(
          'tr[data-township="镇江镇"] td[data-quarter="2"] [data-testid="accept-report"]',
        )!
        .click();
    });
    await waitForText(confirm, /接收 镇江镇 2025 年二季度报表？/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'accept-report');
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-accept').click();
    await waitForText(page.getByTestId('status-message'), /已接收 镇江镇/);
    await waitForText(cell.getByTestId('report-state'), /已接收/);
    // the accept button is gone with the acceptance: focus stays in the cell, on its review button
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-review-cell')?.endsWith(':2') === true);

    // the history lists every event with its actor
    await cell.getByTestId('review-report').click();
    const events = page.getByTestId('review-dialog').getByTestId('report-event');
    await waitForText(events.last(), /接收/);
    const kinds = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['SUBMITTED', 'CORRECTED', 'ACCEPTED']);
    for (const text of await events.allTextContents()) expect(text).not.toContain('未知用户');
    await screenshot(page, 'staff-review-history');
    await context.close();
  });

  it('a return reaches the clerk as a notification with its reason; the history lists it with the reviewer', async () => {
    const staff = await newContext(browser);
    const page = await staff.newPage();
    await submit(page.request, 'hemao.clerk', 2025, 3);
    await signIn(page, 'demo.staff');
    await page.goto('/reports/status/2025');
    const cell = page.locator('tr[data-township="鹤毛镇"] td[data-quarter="3"]');
    await waitForText(cell.getByTestId('report-state'), /已报送/);
    await cell.getByTestId('return-report').click();
    await page.getByTestId('return-reason-input').fill('选民接待人次与台账不符，请核对');
    await page.getByTestId('confirm-return').click();
    await waitForText(cell.getByTestId('report-state'), /已退回/);
    await cell.getByTestId('review-report').click();
    const returned = page.getByTestId('review-dialog').locator('[data-testid="report-event"][data-kind="RETURNED"]');
    const line = await waitForText(returned, /退回.*选民接待人次与台账不符/);
    expect(line).not.toContain('未知用户');
    await staff.close();

    const clerk = await newContext(browser);
    const clerkPage = await clerk.newPage();
    await signIn(clerkPage, 'hemao.clerk');
    await waitForText(clerkPage.getByTestId('notifications-unread'), /\d+/);
    await clerkPage.getByTestId('notifications-open').click();
    const note = clerkPage.locator('[data-testid="notification"][data-kind="REPORT_RETURNED"]').first();
    await waitForText(note, /2025 年三季度报表被退回：选民接待人次与台账不符/);
    await screenshot(clerkPage, 'clerk-notifications');
    const before = Number(await clerkPage.getByTestId('notifications-unread').textContent());
    await note.getByTestId('notification-mark-read').click();
    await clerkPage.waitForFunction((n) => {
      const badge = document.querySelector('[data-testid="notifications-unread"]');
      return (badge ? Number(badge.textContent) : 0) === n - 1;
    }, before);
    await clerkPage.getByTestId('notifications-close').click();
    await clerkPage.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'notifications-open');
    await clerk.close();
  });

  it('reminds one late township and then all the late ones of a quarter; the clerk sees the reminder', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.goto('/reports/status/2026');
    await waitForText(page.getByTestId('status-board'), /镇/);
    const one = page.locator('tr[data-township="思蒙镇"]').getByTestId('remind-township').first();
    await one.waitFor();
    const quarter = await one.evaluate((el) => el.closest('td')!.getAttribute('data-quarter'));
    await one.click();
    await waitForText(page.getByTestId('status-message'), /已向 1 个乡镇发出催报/);
    const cell = page.locator(`tr[data-township="思蒙镇"] td[data-quarter="${quarter}"]`);
    await waitForText(cell.getByTestId('cell-reminded'), /已催报/);
    expect(await cell.getByTestId('remind-township').count()).toBe(0);

    const all = page.locator('[data-testid^="remind-all-"]').first();
    const label = (await all.textContent())!;
    const n = Number(/（(\d+) 个）/.exec(label)![1]);
    await all.click();
    await waitForText(page.getByTestId('status-message'), new RegExp(`已向 ${n} 个乡镇发出催报`));
    await screenshot(page, 'staff-status-board-reminded');

    // at a phone's width the board stacks, and the page does not scroll sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForText(cell.getByTestId('cell-reminded'), /已催报/);
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'staff-status-board-390');
    await context.close();

    const clerk = await newContext(browser);
    const clerkPage = await clerk.newPage();
    await signIn(clerkPage, 'simeng.clerk');
    await clerkPage.getByTestId('notifications-open').click();
    await waitForText(
      clerkPage.locator('[data-testid="notification"][data-kind="REPORT_REMINDER"]').first(),
      /县人大常委会催报 2026 年.季度报表/,
    );
    await clerk.close();
  });

  it('says quarters and versions in English in the English interface', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    await page.goto('/reports/status/2025');
    await page.getByTestId('locale-switch').click();
    const heads = page.locator('[data-testid="status-board"] thead th');
    await waitForText(heads.nth(1), /^\s*Q1\s*$/);
    const cell = page.locator('tr[data-township="镇江镇"] td[data-quarter="2"]');
    await waitForText(cell, /v\d+/);
    expect(await cell.textContent()).toContain('Due');
    await context.close();
  });
});
