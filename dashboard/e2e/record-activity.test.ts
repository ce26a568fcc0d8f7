import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { waitForText } from './support/page-helpers';

describe('recording an activity', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a clerk records an inspection with two participants, and it counts on the township page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'zhenjiang.clerk');
    await page.getByTestId('nav-record-activity').click();
    await page.locator('select[name="type"]').selectOption('INSPECTION');
    // validated before it is sent
    await page.getByTestId('activity-submit').click();
    await waitForText(page.locator('#title-error'), /必填/);
    await page.locator('input[name="title"]').fill('视察村级便民服务中心');
    await page.locator('input[name="place"]').fill('镇江镇便民服务中心');
    const boxes = page.locator('.participants input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('.participants select').nth(1).selectOption('EXCUSED');
    await page.getByTestId('activity-submit').click();
    const saved = await waitForText(page.getByTestId('activity-saved'), /已登记/);
    expect(saved).toContain('参加代表 2 人');
    await screenshot(page, 'clerk-record-activity');

    await page.getByTestId('nav-own-township').click();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    await waitForText(page.locator('#activities'), new RegExp(`${year} 年活动 1 次`));
    await context.close();
  });
});
