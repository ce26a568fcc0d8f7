import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { baseUrl, launch, newContext, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

/**
 * The dashboard works under the server's Content-Security-Policy (issue #13, finding 6): every screen
 * of every role is loaded and used while the page reports each CSP violation (the
 * `securitypolicyviolation` event and Chromium's console message); any one fails the test.
 */
interface Watched {
  page: Page;
  violations: string[];
}

async function watch(context: BrowserContext): Promise<Watched> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`;
      (window as unknown as { __csp?: string[] }).__csp = [
        ...((window as unknown as { __csp?: string[] }).__csp ?? []),
        report,
      ];
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect|frame)/i.test(message.text()))
      violations.push(message.text());
  });
  return { page, violations };
}

async function reported(watched: Watched): Promise<string[]> {
  const fromPage = await watched.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return [...watched.violations, ...fromPage];
}

function expectSecurityHeaders(response: Response | null): void {
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('the dashboard under its Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('county staff: overview, townships, a township, reporting status, in both languages', async () => {
    const context = await newContext(browser);
    const watched = await watch(context);
    const { page } = watched;
    expectSecurityHeaders(await page.goto('/login'));
    await signIn(page, 'demo.staff');
    await waitForText(page.locator('h1'), /./);
    await page.waitForLoadState('networkidle');
    expectSecurityHeaders(await page.goto('/townships'));
    await page.waitForLoadState('networkidle');
    await page.locator('a[href^="/townships/"]').first().click();
    await page.waitForURL('**/townships/*');
    await page.waitForLoadState('networkidle');
    await page.goto('/reports/status/2024');
    await page.waitForLoadState('networkidle');
    await page.getByTestId('locale-switch').click();
    await page.goto('/county');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    expect(await reported(watched)).toEqual([]);
    await context.close();
  });

  it('an analyst: the explorer with its editor, completion and a result table', async () => {
    const context = await newContext(browser);
    const watched = await watch(context);
    const { page } = watched;
    await signIn(page, 'demo.analyst');
    await page.goto('/explorer');
    const editor = page.getByTestId('graphql-editor');
    await waitForText(page.locator('.field__hint').first(), /./);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ townsh');
    await waitForText(page.locator('.cm-tooltip-autocomplete'), /townships/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ townships(first: 10) { nodes { name } } }');
    await page.keyboard.press('Control+Enter');
    await waitForText(page.getByTestId('result-summary'), /5/);
    expect(await reported(watched)).toEqual([]);
    await context.close();
  });

  it('a township clerk: own township, a new activity form, the quarterly report', async () => {
    const context = await newContext(browser);
    const watched = await watch(context);
    const { page } = watched;
    await signIn(page, 'qunli.clerk');
    await waitForText(page.getByTestId('clerk-current'), /当前报送期/);
    await page.goto('/township');
    await waitForText(page.getByTestId('township-name'), /群利镇/);
    await page.goto('/activities/new');
    await page.waitForLoadState('networkidle');
    await page.goto('/reports/quarterly/2024/3');
    await page.waitForLoadState('networkidle');
    expect(await reported(watched)).toEqual([]);
    await context.close();
  });

  it('cannot be framed by another page', async () => {
    const context = await newContext(browser);
    const watched = await watch(context);
    const { page } = watched;
    await page.setContent(`<iframe id="victim" src="${baseUrl()}/login" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame with its error page: the dashboard never renders inside
    const rendered = frame
      ? await frame
          .locator('#app h1')
          .count()
          .catch(() => 0)
      : 0;
    expect(rendered).toBe(0);
    expect(watched.violations.some((text) => /frame-ancestors/.test(text))).toBe(true);
    await context.close();
  });
});
