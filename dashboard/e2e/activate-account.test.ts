import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot } from './support/browser';
import { waitForText } from './support/page-helpers';

const run = promisify(execFile);
const cli = new URL('../../server/dist/cli/main.js', import.meta.url).pathname;

/** An activation link as an operator gets it: `renda admin invite` against the server's database. */
async function invite(username: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [cli, 'admin', 'invite', '--county', 'DEMO', '--username', username, '--base-url', 'http://renda.test', '--json'],
    {
      env: {
        ...process.env,
        DATABASE_URL: process.env['RENDA_E2E_DATABASE_URL'],
        MIGRATION_DATABASE_URL: process.env['RENDA_E2E_MIGRATION_DATABASE_URL'],
      },
    },
  );
  return new URL((JSON.parse(stdout) as { activationUrl: string }).activationUrl).pathname;
}

describe('activating an account through its link', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('checks the password, shows the server’s refusal, then signs the new admin in; the link works once', async () => {
    const path = await invite('e2e.new.admin');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(path);
    await waitForText(page.locator('h1'), /激活账号/);
    await page.getByTestId('activate-password').fill('short');
    await page.getByTestId('activate-confirmation').fill('short');
    await page.getByTestId('activate-submit').click();
    await waitForText(page.getByTestId('activate-problem'), /至少需要 10 个字符/);
    await page.getByTestId('activate-password').fill('1380013800099');
    await page.getByTestId('activate-confirmation').fill('1380013800098');
    await page.getByTestId('activate-submit').click();
    await waitForText(page.getByTestId('activate-problem'), /不一致/);
    await page.getByTestId('activate-confirmation').fill('1380013800099');
    await page.getByTestId('activate-submit').click();
    await waitForText(page.getByRole('alert'), /过于简单/);
    await screenshot(page, 'activate-refused');
    await page.getByTestId('activate-password').fill('眉山-县管理员-2027');
    await page.getByTestId('activate-confirmation').fill('眉山-县管理员-2027');
    await page.getByTestId('activate-submit').click();
    await page.waitForURL('**/county');
    expect(new URL(page.url()).pathname).toBe('/county');
    await context.close();

    const again = await newContext(browser);
    const second = await again.newPage();
    await second.goto(path);
    await second.getByTestId('activate-password').fill('another-password-1');
    await second.getByTestId('activate-confirmation').fill('another-password-1');
    await second.getByTestId('activate-submit').click();
    await waitForText(second.getByRole('alert'), /已使用过/);
    await again.close();
  });
});
