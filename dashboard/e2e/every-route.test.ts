import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { VIEW_ROLES, type ViewName } from '../src/utils/role-navigation';
import type { UserRole } from '../src/graphql/generated/schema-enums';
import { newContext, launch, screenshot, signIn } from './support/browser';
import { settle } from './support/page-helpers';

/**
 * Every route of the router, for every role that may see it, fits a phone, a tablet and a desktop in
 * both languages (no sideways page scroll) and has no serious or critical axe-core violation. The route
 * list is read from the running app's router, so a route added later is checked without editing this
 * file; a route parameter with no fill-in below fails the test instead of being skipped.
 */

const WIDTHS = [390, 768, 1440] as const;
const LOCALES = ['zh-CN', 'en'] as const;
/** One demo account per role (README: demo accounts). 群利镇's users, so a township id of 群利镇 fits them. */
const ACCOUNTS: Record<UserRole, string> = {
  COUNTY_STAFF: 'demo.staff',
  ANALYST: 'demo.analyst',
  COUNTY_ADMIN: 'demo.admin',
  TOWNSHIP_CLERK: 'qunli.clerk',
  TOWNSHIP_VIEWER: 'qunli.viewer',
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
  return { id: qunliId, year: '2024', quarter: '3', pathMatch: 'no-such-page' };
}

/** A route's parameters: `:name`, `:name(regex)`, optionally `?`, `*` or `+`. */
function parameters(path: string): { name: string; optional: boolean }[] {
  return [...path.matchAll(/:(\w+)(?:\((?:[^()]|\([^()]*\))*\))?([?*+]?)/g)].map((m) => ({
    name: m[1]!,
    optional: m[2] === '?' || m[2] === '*',
  }));
}

/** The URLs a route is checked at: parameters filled in, and without its optional ones as well. */
export function urlsOf(path: string, values: Record<string, string>): string[] {
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
  violations: string[];
}

async function checkPage(page: Page, width: number): Promise<Pick<Finding, 'overflow' | 'violations' | 'width'>> {
  await page.setViewportSize({ width, height: 900 });
  await settle(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  return { width, overflow, violations };
}

describe('every route fits 390, 768 and 1440 px in both languages, with no serious axe violation', () => {
  let browser: Browser;
  let routes: RouteRow[];
  let values: Record<string, string>;
  beforeAll(async () => {
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
    for (const route of routes) expect(urlsOf(route.path, values).length).toBeGreaterThan(0);
    expect(() => urlsOf('/deputies/:deputyId', values)).toThrow(/deputyId/);
  });

  it('every route, every role, three widths, two languages', async () => {
    const findings: Finding[] = [];
    const checked = new Set<string>();
    let visits = 0;
    for (const visitor of [null, ...ALL_ROLES]) {
      const mine = routes.filter((route) => visitorsOf(route).includes(visitor));
      if (mine.length === 0) continue;
      for (const locale of LOCALES) {
        const context = await newContext(browser);
        await context.addInitScript((value) => localStorage.setItem('renda.locale', value), locale);
        const page = await context.newPage();
        if (visitor) await signIn(page, ACCOUNTS[visitor]);
        for (const route of mine) {
          for (const url of urlsOf(route.path, values)) {
            await page.setViewportSize({ width: 1440, height: 900 });
            await page.goto(url);
            await settle(page);
            const finalUrl = new URL(page.url()).pathname;
            // a redirect (`/` to the role's home) lands on a page checked on its own
            const key = `${visitor}|${locale}|${finalUrl}`;
            if (checked.has(key)) continue;
            checked.add(key);
            visits += 1;
            for (const width of WIDTHS) {
              const result = await checkPage(page, width);
              const name = `route-${visitor ?? 'anonymous'}-${locale}-${width}${url.replaceAll('/', '_')}`;
              await screenshot(page, name);
              if (result.overflow > 0 || result.violations.length > 0)
                findings.push({ url, finalUrl, role: visitor ?? 'anonymous', locale, ...result });
            }
          }
        }
        await context.close();
      }
    }
    expect(visits).toBeGreaterThan(routes.length);
    expect(findings).toEqual([]);
  }, 1_200_000);
});
