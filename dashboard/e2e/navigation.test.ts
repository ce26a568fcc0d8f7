import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

describe('language, roles and session', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switching to English changes the labels, and the choice is kept', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await waitForText(page.locator('h1'), /登录/);
    await page.getByTestId('locale-switch').click();
    await waitForText(page.locator('h1'), /Sign in/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await signIn(page, 'demo.staff');
    await waitForText(page.getByTestId('nav-report-status'), /Reporting status/);
    await waitForText(page.locator('h1'), /County overview/);
    await page.reload();
    await waitForText(page.getByTestId('nav-township-index'), /Townships/);
    await screenshot(page, 'staff-english');
    await page.getByTestId('locale-switch').click();
    await waitForText(page.getByTestId('nav-township-index'), /乡镇/);
    await context.close();
  });

  it('each role sees only its views', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'qunli.clerk');
    const nav = await page.locator('nav.app-nav').textContent();
    expect(nav).toContain('季度报表');
    expect(nav).not.toContain('报送情况');
    expect(nav).not.toContain('数据查询');
    await page.goto('/reports/status/2024');
    await page.waitForURL('**/todo');
    await waitForText(page.getByRole('alert'), /无权查看/);
    await waitForText(page.getByTestId('clerk-current'), /当前报送期/);
    await context.close();
  });

  it('an expired or refused session returns to sign-in with a message', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.analyst');
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('renda.session') ?? '{}') as { token: string };
      session.token = `${session.token}x`;
      sessionStorage.setItem('renda.session', JSON.stringify(session));
    });
    await page.goto('/townships');
    await page.waitForURL('**/login**');
    await waitForText(page.getByTestId('login-notice'), /登录已过期/);
    await screenshot(page, 'session-expired');
    await context.close();
  });

  it('signing out ends the session on the server too: the old token is refused', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'demo.staff');
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('renda.session') ?? '{}') as { token: string }).token,
    );
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login**');
    await waitForText(page.getByTestId('login-notice'), /已退出登录/);
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { login } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  });
});
