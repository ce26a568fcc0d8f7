import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newContext, screenshot, signIn } from './support/browser';
import { settle } from './support/page-helpers';

async function graphql<T>(query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * The activity calendar shows all twelve months and the records on their days: late-November and
 * end-of-December activities used to sit in the part of a 53-week strip that the card cut off.
 * 河茂镇's clerk records last year's, which no other browser test touches.
 */
describe('activity calendar', () => {
  let browser: Browser;
  const year =
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;
  const days = [`${year}-11-20`, `${year}-11-20`, `${year}-12-31`];
  beforeAll(async () => {
    browser = await launch();
    const { login } = await graphql<{ login: { token: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { login: 'hemao.clerk', password: DEMO_PASSWORD } },
    );
    for (const [i, occurredOn] of days.entries())
      await graphql(
        'mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }',
        { input: { type: 'STUDY', title: `日历检查 ${i + 1}`, occurredOn } },
        login.token,
      );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([390, 768, 1440])('shows twelve months and the recorded days inside the card at %i px', async (width) => {
    const context = await newContext(browser, { width });
    const page = await context.newPage();
    await signIn(page, 'hemao.clerk');
    // a clerk lands on the to-do; the calendar is on the township page
    await page.goto('/township');
    await page.locator('[data-testid="activity-year"]').selectOption(String(year));
    const calendar = page.getByTestId('activity-calendar');
    await calendar.locator(`rect[data-date="${year}-12-31"]`).waitFor();
    await settle(page);
    expect(await calendar.locator('g[data-month]').count()).toBe(12);
    const card = (await calendar.boundingBox())!;
    for (const [date, count] of [
      [`${year}-11-20`, '2'],
      [`${year}-12-31`, '1'],
    ] as const) {
      const cell = calendar.locator(`rect[data-date="${date}"]`);
      expect(await cell.getAttribute('data-count')).toBe(count);
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(card.x);
      expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.width).toBeGreaterThanOrEqual(6);
    }
    // a day with activities is coloured (HEAT_STEPS[0] is the empty day's grey)
    expect(await calendar.locator(`rect[data-date="${year}-11-20"]`).getAttribute('fill')).not.toBe('#f2f2f2');
    await calendar.scrollIntoViewIfNeeded();
    await screenshot(page, `activity-calendar-${width}`);
    await context.close();
  });
});
