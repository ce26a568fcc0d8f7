import type { Locator, Page } from 'playwright-core';

/** Waits until a locator's text matches (playwright-core has no expect; jest asserts afterwards). */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.count()) > 0 ? await locator.first().textContent() : '') ?? '';
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`text ${JSON.stringify(last)} never matched ${pattern}`);
}

/** Waits until the page has loaded what it asks for: no request in flight and no loading indicator. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.state--loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
}
