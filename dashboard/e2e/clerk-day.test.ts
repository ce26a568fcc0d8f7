import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/** A GraphQL call as a demo user, for the other side of a scenario (staff returning a report). */
async function graphql<T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data!;
  };
  const signedIn = (await post({
    query: 'mutation ($i: LoginInput!) { login(input: $i) { token } }',
    variables: { i: { login, password: DEMO_PASSWORD } },
  })) as { login: { token: string } };
  return (await post({ query, variables }, signedIn.login.token)) as T;
}

async function openQuarter(page: Page, year: number, quarter: number): Promise<void> {
  await page.goto(`/reports/quarterly/${year}/${quarter}`);
  await waitForText(page.getByTestId('quarterly-status'), new RegExp(`${year}`));
  await page.getByTestId('quarterly-submit').waitFor();
}

/** The submit button is disabled and names why through aria-describedby. */
async function disabledReason(page: Page): Promise<string> {
  const button = page.getByTestId('quarterly-submit');
  expect(await button.isDisabled()).toBe(true);
  const id = await button.getAttribute('aria-describedby');
  expect(id).toBe('submit-blocked');
  return (await page.locator(`#${id}`).textContent())?.trim() ?? '';
}

describe('the clerk’s day', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lands on a to-do: the overdue quarter, returned reports with reasons, this quarter’s records, reminders', async () => {
    // The county returns hemao's 2023 Q2 report with a reason.
    const submitted = await graphql<{ submitQuarterlyReport: { report: { id: string } } }>(
      'hemao.clerk',
      `
        mutation ($i: SubmitQuarterlyReportInput!) {
          submitQuarterlyReport(input: $i) {
            report {
              id
            }
          }
        }
      `,
      { i: { year: 2023, quarter: 2, idempotencyKey: 'e2e-clerk-day-returned', expectedVersion: 0, values: [] } },
    );
    await graphql(
      'demo.staff',
      'mutation ($id: ID!) { returnQuarterlyReport(id: $id, expectedVersion: 1, reason: "接待人次与登记簿不符") { id } }',
      {
        id: submitted.submitQuarterlyReport.report.id,
      },
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'hemao.clerk');
    expect(new URL(page.url()).pathname).toBe('/todo');
    const current = page.getByTestId('clerk-current');
    const landing = await graphql<{ landingPeriods: { reportingYear: number; reportingQuarter: number } }>(
      'hemao.clerk',
      '{ landingPeriods { reportingYear reportingQuarter } }',
    );
    const { reportingYear: year, reportingQuarter: quarter } = landing.landingPeriods;
    await waitForText(current, new RegExp(`${year} 年第 ${quarter} 季度`));
    // Nothing submitted for the quarter now due: past its deadline, the home says so before anything is sent.
    const countdown = page.getByTestId('clerk-countdown');
    expect(await countdown.getAttribute('data-status')).toMatch(/OVERDUE|DUE_IN|DUE_TODAY/);
    if ((await countdown.getAttribute('data-status')) === 'OVERDUE') {
      expect(await countdown.textContent()).toMatch(/已逾期 \d+ 天，尚未报送/);
      expect(await countdown.getAttribute('role')).toBe('alert');
    }
    await waitForText(page.getByTestId('clerk-current-state'), /尚未报送/);

    // the township's returned reports (other tests may return more of them in the same database)
    const returned = page.getByTestId('clerk-returned-item').filter({ hasText: '2023 年第 2 季度' });
    await waitForText(returned, /2023 年第 2 季度/);
    expect(await returned.first().textContent()).toContain('退回理由：接待人次与登记簿不符');

    const counts = page.getByTestId('clerk-record-count');
    expect(await counts.count()).toBe(3);
    for (const text of await counts.allTextContents()) expect(text).toMatch(/\d+/);
    await waitForText(page.getByTestId('clerk-reminders'), /收到的提醒/);
    await screenshot(page, 'clerk-home-todo');

    // The quarterly report opens on the period now due.
    await page.getByTestId('clerk-open-report').click();
    await page.waitForURL(`**/reports/quarterly/${year}/${quarter}`);
    await waitForText(page.getByTestId('quarterly-status'), new RegExp(`${year} · 第 ?${quarter} ?季度`));
    await page.goto('/todo');
    await returned.locator('a').first().click();
    await page.waitForURL('**/reports/quarterly/2023/2');
    await waitForText(page.getByTestId('return-reason'), /接待人次与登记簿不符/);
    // A returned report may be resubmitted as it is: the button is enabled.
    await page.getByTestId('quarterly-submit').waitFor();
    expect(await page.getByTestId('quarterly-submit').isDisabled()).toBe(false);
    await context.close();
  });

  it('lists the metrics in the catalog’s sections, election metrics only where an election was held', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'qunli.clerk');
    await openQuarter(page, 2021, 2);
    const groups = await page
      .getByTestId('form-section')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups).toEqual(['SUPERVISION', 'DEPUTY_ACTIVITIES', 'SUGGESTIONS', 'VOTER_CONTACT', 'ELECTIONS']);
    const headings = await page.locator('[data-testid="form-section"] th[scope="rowgroup"]').allTextContents();
    expect(headings.map((h) => h.trim())).toEqual(['监督工作', '代表活动', '代表建议', '联系选民', '选举']);
    expect(await page.locator('tr[data-metric]').count()).toBe(46);
    await screenshot(page, 'clerk-quarterly-sections');

    await openQuarter(page, 2021, 4);
    expect(await page.locator('[data-group="ELECTIONS"]').count()).toBe(0);
    await waitForText(page.getByTestId('elections-none'), /本季度没有选举记录/);
    expect(await page.locator('tr[data-metric="election_turnout"]').count()).toBe(0);
    await context.close();
  });

  it('says why the submit button is disabled', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'hemao.clerk');
    // A quarter not over yet.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    await openQuarter(page, year, quarter);
    expect(await disabledReason(page)).toMatch(/本季度尚未结束，\d{4}-\d{2}-\d{2} 起可报送/);
    // Errors to fix.
    await openQuarter(page, 2022, 1);
    const row = page.locator('tr[data-metric="resolutions_made"]');
    await row.getByTestId('value-input').fill('三');
    await waitForText(page.getByTestId('submit-blocked'), /还有 1 处错误需要修改/);
    expect(await disabledReason(page)).toBe('还有 1 处错误需要修改');
    await screenshot(page, 'clerk-submit-disabled-errors');
    await context.close();
  });

  it('stores nothing for the values already stored, and says so', async () => {
    const context = await newContext(browser);
    const first = await context.newPage();
    const second = await context.newPage();
    // Each tab signs in (the session lives in the tab's sessionStorage).
    await signIn(first, 'hemao.clerk');
    await signIn(second, 'hemao.clerk');
    await openQuarter(first, 2022, 2);
    await openQuarter(second, 2022, 2);

    await first.getByTestId('quarterly-submit').click();
    await waitForText(first.getByTestId('quarterly-submitted'), /第 1 次报送，版本 1/);
    // Reloaded at version 1, the same values: nothing to submit.
    await waitForText(first.getByTestId('submit-blocked'), /没有需要报送的改动/);
    expect(await disabledReason(first)).toBe('数值与已报送的相同，没有需要报送的改动');

    // A second window still at version 0 sends the same values: the server stores nothing and says so.
    await second.getByTestId('quarterly-submit').click();
    await waitForText(second.getByTestId('quarterly-unchanged'), /完全相同，未新增报送/);
    expect(await second.getByTestId('quarterly-unchanged').textContent()).toContain('第 1 次报送（版本 1）');
    await screenshot(second, 'clerk-submit-unchanged');
    const revisions = await graphql<{ quarterlyReportDraft: { version: number } }>(
      'hemao.clerk',
      '{ quarterlyReportDraft(year: 2022, quarter: 2) { version } }',
    );
    expect(revisions.quarterlyReportDraft.version).toBe(1);
    await context.close();
  });

  it('keeps the clerk’s values after a conflict and merges them per metric', async () => {
    const context = await newContext(browser);
    const mine = await context.newPage();
    const theirs = await context.newPage();
    await signIn(mine, 'hemao.clerk');
    await signIn(theirs, 'hemao.clerk');
    await openQuarter(mine, 2022, 3);
    await openQuarter(theirs, 2022, 3);

    // Someone else submits first: resolutions 3.
    await theirs.locator('tr[data-metric="resolutions_made"]').getByTestId('value-input').fill('3');
    await theirs.getByTestId('quarterly-submit').click();
    await waitForText(theirs.getByTestId('quarterly-submitted'), /版本 1/);

    // The clerk typed resolutions 5 and livelihood projects 2 on version 0.
    await mine.locator('tr[data-metric="resolutions_made"]').getByTestId('value-input').fill('5');
    const livelihood = mine.locator('tr[data-metric="livelihood_projects_voted"]').getByTestId('value-input');
    const recorded = await livelihood.inputValue();
    await livelihood.fill('2');
    if (recorded !== '' && recorded !== '2') {
      await mine
        .locator('tr[data-metric="livelihood_projects_voted"]')
        .getByTestId('reason-input')
        .fill('村民代表会议票决');
    }
    await mine.getByTestId('quarterly-submit').click();
    await waitForText(mine.getByTestId('quarterly-conflict'), /您填写的数值已保留/);
    await mine.getByTestId('quarterly-conflict').locator('button').click();

    const merge = mine.getByTestId('merge-row');
    await waitForText(merge, /您的数值：5/);
    expect(await merge.count()).toBe(1);
    expect(await merge.textContent()).toContain('已保存：3');
    expect(await livelihood.inputValue()).toBe('2');
    await screenshot(mine, 'clerk-conflict-merge');

    await mine.getByTestId('merge-theirs').click();
    expect(await mine.locator('tr[data-metric="resolutions_made"]').getByTestId('value-input').inputValue()).toBe('3');
    await mine.getByTestId('merge-done').click();
    await mine.getByTestId('quarterly-submit').click();
    await waitForText(mine.getByTestId('quarterly-submitted'), /第 2 次报送，版本 2/);
    await context.close();
  });
});
