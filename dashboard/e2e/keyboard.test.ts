import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launch, newContext, screenshot } from './support/browser';
import { waitForText } from './support/page-helpers';

/**
 * The main flows by keyboard alone: Tab / Shift+Tab to move, Enter and Space to act, arrow keys in
 * selects; no mouse click anywhere in this file. Each focused control must show a visible focus ring.
 * 思蒙镇's clerk works on 2024 Q4, which no other browser test touches.
 */

/** The focused element matches `selector`, and it is drawn with a focus ring (:focus-visible outline or shadow). */
async function focusState(page: Page, selector: string): Promise<{ matches: boolean; ring: boolean }> {
  return page.evaluate((s) => {
    const el = document.activeElement;
    if (!el || el === document.body) return { matches: false, ring: false };
    const style = getComputedStyle(el);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none' ||
      // CodeMirror draws its ring on the editor around the focused content
      getComputedStyle(el.closest('.cm-editor') ?? el).outlineStyle !== 'none';
    return { matches: el.matches(s), ring };
  }, selector);
}

/** Presses Tab (or Shift+Tab) until `selector` has focus; fails past `max` presses or without a focus ring. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 120;
  for (let presses = 0; presses <= max; presses++) {
    const state = await focusState(page, selector);
    if (state.matches) {
      // a widget may draw its ring a moment after focus (CodeMirror marks its editor .cm-focused)
      for (let tries = 0; tries < 20 && !(await focusState(page, selector)).ring; tries++)
        await page.waitForTimeout(50);
      if (!(await focusState(page, selector)).ring) throw new Error(`${selector} has focus but no visible focus ring`);
      return;
    }
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${options.back ? 'Shift+Tab' : 'Tab'} did not reach ${selector} in ${max} presses`);
}

/** Picks an option of the focused select with the arrow keys. */
async function arrowTo(page: Page, value: string): Promise<void> {
  const { current, target } = await page.evaluate((v) => {
    const select = document.activeElement as HTMLSelectElement;
    const values = [...select.options].map((o) => o.value);
    return { current: select.selectedIndex, target: values.indexOf(v) };
  }, value);
  if (target < 0) throw new Error(`the focused select has no option ${value}`);
  const key = target > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - current); i++) await page.keyboard.press(key);
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(value);
}

/** Signs in with Tab, typing and Enter, checking Shift+Tab walks back through the form. */
async function signInByKeyboard(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.locator('h1').waitFor();
  await tabTo(page, '[data-testid="login-input"]');
  await page.keyboard.type(login);
  await tabTo(page, '[data-testid="password-input"]');
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, '[data-testid="login-submit"]');
  await tabTo(page, '[data-testid="password-input"]', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Follows a menu link by keyboard: Shift+Tab back up from the page's content, Tab from the top. */
async function openFromMenu(page: Page, view: string, path: string): Promise<void> {
  const inContent = await page.evaluate(
    () => document.activeElement?.closest('main') !== null && document.activeElement !== null,
  );
  await tabTo(page, `[data-testid="nav-${view}"]`, { back: inContent, max: 400 });
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${path}`);
}

describe('the main flows work by keyboard alone, with a visible focus ring', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a skip link leads past the header to the page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // a page without an autofocused field: the first Tab reaches the skip link
    await page.goto('/no-such-page');
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await focusState(page, '.skip-link')).toEqual({ matches: true, ring: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('a clerk signs in, records an activity and submits a quarterly report', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, 'simeng.clerk');
    // a clerk lands on the to-do (features/clerk)
    expect(new URL(page.url()).pathname).toBe('/todo');

    await openFromMenu(page, 'record-activity', '/activities/new');
    await tabTo(page, 'select[name="type"]');
    await arrowTo(page, 'INSPECTION');
    await tabTo(page, 'input[name="title"]');
    await page.keyboard.type('视察敬老院（键盘录入）');
    await tabTo(page, '.participants input[type="checkbox"]');
    await page.keyboard.press('Space');
    expect(await page.locator('.participants input[type="checkbox"]').first().isChecked()).toBe(true);
    await tabTo(page, '[data-testid="activity-submit"]');
    await page.keyboard.press('Enter');
    expect(await waitForText(page.getByTestId('activity-saved'), /已登记/)).toContain('参加代表 1 人');

    await openFromMenu(page, 'quarterly-report', '/reports/quarterly');
    await tabTo(page, '[data-testid="quarterly-year"]');
    await arrowTo(page, '2024');
    await tabTo(page, '[data-testid="quarterly-quarter"]');
    await arrowTo(page, '4');
    await tabTo(page, '[data-testid="quarterly-open"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/reports/quarterly/2024/4');
    await waitForText(page.getByTestId('quarterly-state'), /尚未报送/);
    await tabTo(page, '[data-testid="quarterly-submit"]', { max: 400 });
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('quarterly-submitted'), /已报送/);
    await screenshot(page, 'keyboard-clerk-submitted');
    await context.close();
  }, 180_000);

  it('county staff compare townships and accept the report', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, 'demo.staff');
    expect(new URL(page.url()).pathname).toBe('/county');

    // the second metric becomes the next one in the list, and its ranking follows
    await tabTo(page, '[data-testid="compare-metric-2"]');
    const before = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
    await page.keyboard.press('ArrowDown');
    const metric = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
    expect(metric).not.toBe(before);
    const table = page.locator(`[data-testid="ranking-table"][data-metric="${metric}"]`);
    await waitForText(table.locator('tbody tr[data-township="思蒙镇"]'), /\S/);
    expect(await table.locator('tbody tr').count()).toBe(5);
    // Space ticks the per-deputy checkbox
    await tabTo(page, '[data-testid="per-deputy"]');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('per-deputy').isChecked()).toBe(true);

    await openFromMenu(page, 'report-status', '/reports/status');
    await tabTo(page, '[data-testid="status-year"]');
    await arrowTo(page, '2024');
    await page.waitForURL('**/reports/status/2024');
    const cell = page.locator('tr[data-township="思蒙镇"] td[data-quarter="4"]');
    await waitForText(cell.getByTestId('report-state'), /已报送/);
    await tabTo(page, 'tr[data-township="思蒙镇"] td[data-quarter="4"] [data-testid="accept-report"]', { max: 200 });
    await page.keyboard.press('Enter');
    // The confirmation opens on 取消, so Enter alone accepts nothing: Tab to 确认接收, then Enter.
    await page.getByTestId('accept-dialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cancel-accept');
    await tabTo(page, '[data-testid="confirm-accept"]');
    await page.keyboard.press('Enter');
    await waitForText(cell.getByTestId('report-state'), /已接收/);
    await screenshot(page, 'keyboard-staff-accepted');
    await context.close();
  }, 180_000);

  it('an analyst runs an explorer query', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, 'demo.analyst');
    await openFromMenu(page, 'explorer', '/explorer');
    await tabTo(page, '[data-testid="graphql-editor"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // typed as text: the editor closes brackets itself as they are typed key by key
    await page.keyboard.insertText('{ townships(first: 10) { nodes { name code } } }');
    // Tab indents inside the editor; Escape then Tab (within 2 s) leaves it, CodeMirror's way out (the
    // first Escape closes the completion list the typing opened)
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect((await focusState(page, '[data-testid="graphql-editor"]')).matches).toBe(false);
    await tabTo(page, '[data-testid="run-query"]', { max: 20 });
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('result-summary'), /5 行/);
    expect(await page.getByTestId('result-table').textContent()).toContain('思蒙镇');
    await screenshot(page, 'keyboard-analyst-explorer');
    await context.close();
  }, 180_000);
});
