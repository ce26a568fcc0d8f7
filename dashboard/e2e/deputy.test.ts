import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

const PHONE = { width: 390, height: 844 };
const DEPUTY_LOGIN = 'e2e.deputy';

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`request failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A serving deputy of the clerk's township with a station (a reception needs one to be recorded at). */
async function deputyWithStation(): Promise<string> {
  const { login } = await graphql<{ login: { token: string; user: { townshipId: string } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { token user { townshipId } } }',
    { input: { login: 'qunli.clerk', password: DEMO_PASSWORD } },
  );
  const { deputies } = await graphql<{ deputies: { nodes: { name: string; station: { id: string } | null }[] } }>(
    'query ($t: ID!) { deputies(first: 200, filter: { townshipId: $t, status: ACTIVE }) { nodes { name station { id } } } }',
    { t: login.user.townshipId },
    login.token,
  );
  return deputies.nodes.find((d) => d.station !== null)!.name;
}

/** The deputy opens its activation link's token (as the /activate page would) and sets its password. */
async function activate(token: string): Promise<void> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { token } }',
      variables: { input: { token, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!body.data) throw new Error(`activation failed: ${JSON.stringify(body.errors)}`);
}

async function openOwnTownship(page: Page): Promise<void> {
  await signIn(page, 'qunli.clerk');
  await page.goto('/township');
  await page.getByTestId('township-name').waitFor();
}

describe('deputies sign in (390 px)', () => {
  let browser: Browser;
  let deputyName = '';
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
    await activate(token);
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
    await context.close();
  });

  it('the clerk confirms the reported duty; the deputy sees it confirmed', async () => {
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
    await deputy.close();
  });
});
