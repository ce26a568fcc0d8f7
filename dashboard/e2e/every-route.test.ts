import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { VIEW_ROLES, type ViewName } from '../src/utils/role-navigation';
import type { UserRole } from '../src/graphql/generated/schema-enums';
import { SCREENSHOTS, newContext, launch, screenshot, signIn } from './support/browser';
import { openDeputyAccount } from './support/deputy-account';
import { settle } from './support/page-helpers';

/**
 * Every route of the router, for every role that may see it, fits a phone, a tablet and a desktop in
 * both languages (no sideways page scroll) and has no serious or critical axe-core violation. The route
 * list is read from the running app's router, so a route added later is checked without editing this
 * file; a route parameter with no fill-in below fails the test instead of being skipped.
 */

declare global {
  interface Window {
    axe: typeof axe;
  }
}

const WIDTHS = [390, 768, 1440] as const;
/** axe-core at every width the issue names: the tablet layout can hide or crowd controls differently too. */
const AXE_WIDTHS: readonly number[] = [390, 768, 1440];
/** Findings as they come, with timings: the run is long, and this file is what to read when it fails. */
const LOG = join(SCREENSHOTS, '..', 'every-route.jsonl');
const LOCALES = ['zh-CN', 'en'] as const;
/** One demo account per role (README: demo accounts). 群利镇's users, so a township id of 群利镇 fits them. */
const ACCOUNTS: Record<UserRole, string> = {
  COUNTY_STAFF: 'demo.staff',
  ANALYST: 'demo.analyst',
  COUNTY_ADMIN: 'demo.admin',
  TOWNSHIP_CLERK: 'qunli.clerk',
  TOWNSHIP_VIEWER: 'qunli.viewer',
  // not a seeded account: opened in beforeAll as a clerk would (support/deputy-account.ts)
  DEPUTY: 'route.deputy',
};
const ALL_ROLES = Object.keys(ACCOUNTS) as UserRole[];

interface RouteRow {
  name: string;
  path: string;
  view: ViewName | null;
  public: boolean;
}

/** Values for route parameters, from the seed data (群利镇, its 2024 reports). */
function fillIns(qunliId: string): Record<string, string> {
  // `token`: an unknown activation link, whose page (the refusal) must fit as well
  return { id: qunliId, year: '2024', quarter: '3', pathMatch: 'no-such-page', token: 'no-such-activation-token' };
}

/** Where a parameter name means another row on one route: the deputy archive's `id` is a deputy's. */
function routeFillIns(deputyId: string): Record<string, Record<string, string>> {
  return { 'deputy-archive': { id: deputyId } };
}

/** A route's parameters: `:name`, `:name(regex)`, optionally `?`, `*` or `+`. */
function parameters(path: string): { name: string; optional: boolean }[] {
  return [...path.matchAll(/:(\w+)(?:\((?:[^()]|\([^()]*\))*\))?([?*+]?)/g)].map((m) => ({
    name: m[1]!,
    optional: m[2] === '?' || m[2] === '*',
  }));
}

/** The URLs a route is checked at: parameters filled in, and without its optional ones as well. */
function urlsOf(path: string, values: Record<string, string>): string[] {
  const params = parameters(path);
  const missing = params.filter((p) => values[p.name] === undefined).map((p) => p.name);
  if (missing.length > 0) throw new Error(`no fill-in for route parameter(s) ${missing.join(', ')} of ${path}`);
  const fill = (keep: (name: string) => boolean): string =>
    path
      .replace(/\/:(\w+)(?:\((?:[^()]|\([^()]*\))*\))?([?*+]?)/g, (_, name: string) =>
        keep(name) ? `/${values[name]}` : '',
      )
      .replace(/^$/, '/');
  const urls = [fill(() => true)];
  if (params.some((p) => p.optional)) {
    const required = new Set(params.filter((p) => !p.optional).map((p) => p.name));
    urls.push(fill((name) => required.has(name)));
  }
  return urls;
}

/** Reads the route table of the running app (vue-router's own records, not a copy). */
async function routeTable(page: Page): Promise<RouteRow[]> {
  await page.goto('/login');
  await page.locator('h1').waitFor();
  return page.evaluate(() => {
    interface Router {
      getRoutes(): { name?: unknown; path: string; meta: { view?: string; public?: boolean } }[];
    }
    const app = (
      document.querySelector('#app') as unknown as {
        __vue_app__?: { config: { globalProperties: { $router: Router } } };
      }
    ).__vue_app__;
    if (!app) throw new Error('the app is not mounted on #app');
    return app.config.globalProperties.$router.getRoutes().map((r) => ({
      name: String(r.name),
      path: r.path,
      view: (r.meta.view ?? null) as ViewName | null,
      public: r.meta.public === true,
    }));
  });
}

/** Who visits a route: nobody signed in for public routes, the view's roles, or every role for a route without a view. */
function visitorsOf(route: RouteRow): (UserRole | null)[] {
  if (route.public) return [null];
  if (route.view) {
    const roles = VIEW_ROLES[route.view] as readonly UserRole[] | undefined;
    if (!roles) throw new Error(`route ${route.name} names view ${route.view}, which role-navigation does not know`);
    return [...roles];
  }
  return ALL_ROLES;
}

interface Finding {
  url: string;
  finalUrl: string;
  role: string;
  locale: string;
  width: number;
  overflow: number;
  /** the elements that stick out past the right edge, then the serious and critical axe violations */
  problems: string[];
}

async function checkPage(
  page: Page,
  width: number,
  withAxe: boolean,
): Promise<Pick<Finding, 'overflow' | 'problems' | 'width'>> {
  await page.setViewportSize({ width, height: 900 });
  await settle(page);
  // charts re-lay themselves out on the frames after a resize
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  // what sticks out: the innermost elements past the right edge, to name in the failure
  const culprits =
    overflow <= 0
      ? []
      : await page.evaluate(() => {
          const edge = document.documentElement.clientWidth + 0.5;
          const out = (e: Element) => e.getBoundingClientRect().right > edge;
          // inside a scroll region (a .table-wrap) sticking out is allowed
          const scrolled = (e: Element) => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            return false;
          };
          return [...document.querySelectorAll('body *')]
            .filter((e) => out(e) && ![...e.children].some(out) && !scrolled(e))
            .slice(0, 5)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.textContent?.trim().slice(0, 30) ?? ''}`,
            );
        });
  if (!withAxe) return { width, overflow, problems: culprits };
  // axe's default rule set: WCAG 2.x A and AA plus its best practices. axe-core itself, loaded into every
  // page by the context (below) and run in place: @axe-core/playwright's AxeBuilder runs the same engine
  // but finishes each analysis in a blank page of its own (runPartial/finishRun, for iframes, which the
  // dashboard has none of), about 3.5 s a check against 0.6 s here on the township page, measured.
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const problems = found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  return { width, overflow, problems: [...culprits, ...problems] };
}

describe('every route fits 390, 768 and 1440 px in both languages, with no serious axe violation', () => {
  let browser: Browser;
  let routes: RouteRow[];
  let values: Record<string, string>;
  let perRoute: Record<string, Record<string, string>>;
  const valuesOf = (route: RouteRow) => ({ ...values, ...(perRoute[route.name] ?? {}) });
  beforeAll(async () => {
    const { deputyId } = await openDeputyAccount(ACCOUNTS.DEPUTY);
    perRoute = routeFillIns(deputyId);
    browser = await launch();
    const context = await newContext(browser);
    const page = await context.newPage();
    routes = await routeTable(page);
    await signIn(page, ACCOUNTS.TOWNSHIP_CLERK);
    const qunliId = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('renda.session') ?? '{}') as { user?: { townshipId?: string } }).user
          ?.townshipId,
    );
    if (!qunliId) throw new Error('qunli.clerk has no township id');
    values = fillIns(qunliId);
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads the route table and knows a fill-in for every parameter', () => {
    expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(['login', 'township', 'not-found']));
    for (const route of routes) expect(urlsOf(route.path, valuesOf(route)).length).toBeGreaterThan(0);
    expect(() => urlsOf('/deputies/:deputyId', values)).toThrow(/deputyId/);
  });

  // one test per visitor (`-t TOWNSHIP_CLERK` runs one); the log starts afresh with the run
  beforeAll(() => writeFileSync(LOG, ''));
  it.each(['anonymous', ...ALL_ROLES])(
    'every route %s may see, three widths, two languages',
    async (who) => {
      const visitor = who === 'anonymous' ? null : (who as UserRole);
      const mine = routes.filter((route) => visitorsOf(route).includes(visitor));
      expect(mine.length).toBeGreaterThan(0);
      const findings: Finding[] = [];
      const checked = new Set<string>();
      // The two languages side by side, each in its own browser context: axe is the long part of every
      // check and runs in the page's renderer, so two pages keep both cores busy.
      await Promise.all(
        LOCALES.map(async (locale) => {
          const context = await newContext(browser);
          await context.addInitScript((value) => localStorage.setItem('renda.locale', value), locale);
          // Evaluated by the browser, not the page, so the dashboard's CSP has no say in it.
          await context.addInitScript({ content: axe.source });
          const page = await context.newPage();
          if (visitor) await signIn(page, ACCOUNTS[visitor]);
          for (const route of mine) {
            for (const url of urlsOf(route.path, valuesOf(route))) {
              await page.setViewportSize({ width: 1440, height: 900 });
              await page.goto(url);
              await settle(page);
              const finalUrl = new URL(page.url()).pathname;
              // a redirect (`/` to the role's home) lands on a page checked on its own
              if (checked.has(`${locale}|${finalUrl}`)) continue;
              checked.add(`${locale}|${finalUrl}`);
              for (const width of WIDTHS) {
                const started = Date.now();
                const result = await checkPage(page, width, AXE_WIDTHS.includes(width));
                await screenshot(page, `route-${who}-${locale}-${width}${url.replaceAll('/', '_')}`, {
                  fullPage: false,
                });
                const finding = { url, finalUrl, role: who, locale, ...result };
                appendFileSync(LOG, `${JSON.stringify({ ...finding, ms: Date.now() - started })}\n`);
                if (result.overflow > 0 || result.problems.length > 0) findings.push(finding);
              }
            }
          }
          await context.close();
        }),
      );
      expect(findings).toEqual([]);
    },
    900_000,
  );
});
