import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { activateWithDemoPassword, apiSignIn, post } from './support/deputy-account';
import { settle, waitForText } from './support/page-helpers';
import { pdfPages } from './support/pdf-text';

const PHONE = { width: 390, height: 844 };
const DEPUTY_LOGIN = 'e2e.deputy';
/** The reported duty happens today, so its points land in this year's archive (China's calendar year). */
const THIS_YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/** A serving deputy of the clerk's township with a station (a reception needs one to be recorded at). */
async function deputyWithStation(): Promise<string> {
  const clerk = await apiSignIn('qunli.clerk');
  const { data } = await post<{ deputies: { nodes: { name: string; station: { id: string } | null }[] } }>(
    'query ($t: ID!) { deputies(first: 200, filter: { townshipId: $t, status: ACTIVE }) { nodes { name station { id } } } }',
    { t: clerk.user.townshipId },
    clerk.token,
  );
  return data!.deputies.nodes.find((d) => d.station !== null)!.name;
}

/**
 * This year's points on the deputy's own archive, with the records they come from (record and rule →
 * points shown). The total is null where the archive says 未录入: nothing recorded where the township's
 * records are not known complete, which is never shown as 0.
 */
async function ownPointsThisYear(page: Page): Promise<{ total: number | null; items: Map<string, string> }> {
  await page.goto('/me');
  await page.getByTestId('deputy-archive-link').click();
  await page.getByTestId('archive-card').waitFor();
  await page.getByTestId('archive-year').selectOption(String(THIS_YEAR));
  await page.waitForURL((url) => url.searchParams.get('year') === String(THIS_YEAR));
  await settle(page);
  const shown = page.getByTestId('points-total');
  await shown.waitFor();
  const strong = shown.locator('strong');
  const total = (await strong.count()) > 0 ? Number(await strong.textContent()) : null;
  const items = new Map<string, string>();
  for (const row of await page.getByTestId('points-items').locator('tbody tr').all()) {
    const id = await row.getAttribute('data-record-id');
    const cells = await row.locator('td').allTextContents();
    if (id) items.set(`${id}:${cells[2]!.trim()}`, cells[3]!.trim());
  }
  return { total, items };
}

async function openOwnTownship(page: Page): Promise<void> {
  await signIn(page, 'qunli.clerk');
  await page.goto('/township');
  await page.getByTestId('township-name').waitFor();
}

describe('deputies sign in (390 px)', () => {
  let browser: Browser;
  let deputyName = '';
  /** The deputy's points this year before the clerk confirms its reported duty. */
  let pointsBefore: { total: number | null; items: Map<string, string> };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the clerk opens a deputy’s account from the deputy list; the link activates it', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await openOwnTownship(page);
    const panel = page.getByTestId('deputy-accounts-panel');
    await panel.locator('summary').click();
    deputyName = await deputyWithStation();
    const row = panel.getByTestId('deputy-account-row').filter({ hasText: deputyName }).first();
    await row.locator('input').fill(DEPUTY_LOGIN);
    await row.locator('button').click();
    const link = await waitForText(page.getByTestId('activation-link'), /\/activate\/[A-Za-z0-9_-]{20,}/);
    await screenshot(page, 'clerk-invite-deputy-390');
    const token = /\/activate\/([A-Za-z0-9_-]+)/.exec(link)![1]!;
    await activateWithDemoPassword(token);
    await context.close();
  });

  it('a deputy signs in to its own phone page and submits a suggestion and a duty report', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, DEPUTY_LOGIN);
    await page.waitForURL((url) => url.pathname === '/me');
    await waitForText(page.getByTestId('deputy-profile'), new RegExp(deputyName));
    await page.getByTestId('deputy-receptions').waitFor();
    await page.getByTestId('deputy-archive-slot').waitFor();
    // Nothing of the township's other pages: the county and township views send it back to its own.
    await page.goto('/township');
    await page.waitForURL((url) => url.pathname === '/me');

    await page.getByTestId('suggestion-title').fill('村口路灯损坏，建议尽快维修');
    await page.getByTestId('suggestion-submit').click();
    await page.getByTestId('suggestion-sent').waitFor();
    await waitForText(page.getByTestId('deputy-suggestions'), /村口路灯损坏/);

    await page.getByTestId('duty-kind').selectOption('RECEPTION');
    await page.getByTestId('duty-description').fill('在联络站接待选民两人，反映路灯问题');
    await page.getByTestId('duty-submit').click();
    await page.getByTestId('duty-sent').waitFor();
    await waitForText(page.getByTestId('deputy-reports'), /待确认/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'deputy-home-390');
    pointsBefore = await ownPointsThisYear(page);
    await context.close();
  });

  it('the clerk confirms the reported duty; the deputy sees it confirmed and its points grow by that record’s', async () => {
    const clerk = await newContext(browser, PHONE);
    const page = await clerk.newPage();
    await openOwnTownship(page);
    const report = page.getByTestId('duty-reports-panel').getByTestId('duty-report').filter({ hasText: deputyName });
    await report.first().waitFor();
    await report.first().getByTestId('duty-report-confirm').click();
    await waitForText(page.getByTestId('duty-report-done'), /已确认/);
    await screenshot(page, 'clerk-confirm-duty-390');
    await clerk.close();

    const deputy = await newContext(browser, PHONE);
    const own = await deputy.newPage();
    await signIn(own, DEPUTY_LOGIN);
    await waitForText(own.getByTestId('deputy-reports'), /已确认/);
    await screenshot(own, 'deputy-home-confirmed-390');

    // The confirmed duty is a record now: one more line on the archive, under the reception rule, and the
    // total moved by exactly its points (whatever the county's scheme gives a reception).
    const after = await ownPointsThisYear(own);
    const added = [...after.items].filter(([key]) => !pointsBefore.items.has(key));
    expect(added).toHaveLength(1);
    const [[key, shown]] = added as [[string, string]];
    expect(key).toMatch(/:接待来访来信$/);
    expect(Number(shown)).not.toBe(0);
    // Unknown before means nothing was recorded this year: the reception is then the whole total.
    if (pointsBefore.total === null) expect(pointsBefore.items.size).toBe(0);
    expect(after.total).toBe((pointsBefore.total ?? 0) + Number(shown));
    expect(await own.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(own, 'deputy-archive-after-confirm-390');
    // The deputy prints its own card from the phone: one A4 page, with its name.
    const printed = await pdfPages(await own.pdf({ format: 'A4', printBackground: true }));
    expect(printed).toHaveLength(1);
    expect(printed[0]!.replace(/\s+/g, '')).toContain(deputyName);
    await deputy.close();
  });
});
