import type { Browser } from 'playwright-core';

/** One page load of the county overview, in milliseconds from navigation start (the page's own clock). */
export interface FirstChartRun {
  /** `performance.mark('renda:first-chart')`: Chart.js has drawn the first chart on a visible canvas. */
  firstChartMs: number;
  /** The `aria-label` of that chart's canvas. */
  chart: string | null;
  /** Navigation `responseEnd`: index.html received. */
  documentMs: number;
  /** Navigation `domContentLoadedEventEnd`: the entry script and its preloaded chunks have run. */
  domContentLoadedMs: number;
  /** `startTime` of the first `/graphql` request: the app has booted and the route's chunk has loaded. */
  firstGraphqlSentMs: number | null;
  /** `responseEnd` of the first `/graphql` response. */
  firstGraphqlMs: number | null;
  /** `responseEnd` of the last `/graphql` response that arrived before the chart was drawn. */
  lastGraphqlBeforeChartMs: number | null;
  /** `/graphql` requests completed before the chart, and the longest one (request start to response end). */
  graphqlBeforeChart: number;
  longestGraphqlMs: number | null;
  /** JavaScript files and their bytes on the wire (`encodedBodySize`) loaded before the chart. */
  scriptsBeforeChart: number;
  scriptBytesBeforeChart: number;
  /** Their paths (`/assets/….js`), to look up their gzipped size in the build. */
  scriptPathsBeforeChart: string[];
  /** The GraphQL operations that completed before the chart, by name, in the order they were sent. */
  operations: GraphqlOperation[];
}

export interface GraphqlOperation {
  name: string;
  startMs: number;
  endMs: number;
}

export interface FirstChartOptions {
  /** The server's origin, e.g. `http://127.0.0.1:40123`: it serves the dashboard and `/graphql`. */
  baseUrl: string;
  login: string;
  password: string;
  runs: number;
  /** Loads before the counted ones, discarded: the server's first requests pay for JIT and pool warm-up. */
  warmups: number;
  log: (line: string) => void;
}

export interface FirstChartResult {
  warmups: FirstChartRun[];
  runs: FirstChartRun[];
}

/** The dashboard's session as `stores/session.ts` keeps it in sessionStorage. */
const SESSION_KEY = 'renda.session';
/** Set by the dashboard's Chart.js plugin (dashboard/src/components/charts/first-chart-mark.ts). */
const FIRST_CHART_MARK = 'renda:first-chart';
const CHART_TIMEOUT_MS = 60_000;

/** The dashboard's own Login operation (dashboard/src/features/auth/operations/login.graphql): the session it stores. */
export const DASHBOARD_LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user { id login displayName role countyId townshipId township { id name nameEn } }
  }
}`;

interface PageResource {
  path: string;
  start: number;
  end: number;
  bytes: number;
}

interface PageTimings {
  path: string;
  /** Wall-clock time of navigation start (ms since the epoch), to place Playwright's request timings. */
  timeOrigin: number;
  firstChartMs: number;
  chart: string | null;
  documentMs: number;
  domContentLoadedMs: number;
  resources: PageResource[];
}

// Runs in the page (a string: bench compiles without the DOM library). Resource Timing gives every
// request's times on the same clock as the mark.
const COLLECT = `(() => {
  const mark = performance.getEntriesByName(${JSON.stringify(FIRST_CHART_MARK)}, 'mark')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    path: location.pathname,
    timeOrigin: performance.timeOrigin,
    firstChartMs: mark.startTime,
    chart: typeof mark.detail === 'string' ? mark.detail : null,
    documentMs: nav.responseEnd,
    domContentLoadedMs: nav.domContentLoadedEventEnd,
    resources: performance.getEntriesByType('resource').map((r) => ({
      path: new URL(r.name).pathname,
      start: r.startTime,
      end: r.responseEnd,
      bytes: r.encodedBodySize,
    })),
  };
})()`;

async function signIn(options: FirstChartOptions): Promise<string> {
  const response = await fetch(`${options.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: DASHBOARD_LOGIN,
      variables: { input: { login: options.login, password: options.password } },
    }),
  });
  const body = (await response.json()) as { data?: { login?: unknown }; errors?: { message: string }[] };
  if (!body.data?.login) throw new Error(`login as ${options.login} failed: ${JSON.stringify(body.errors ?? body)}`);
  return JSON.stringify(body.data.login);
}

/** A finished `/graphql` request as Playwright saw it: wall-clock start, duration to the response's end. */
interface WallOperation {
  name: string;
  wallStart: number;
  durationMs: number;
}

function summariseRun(timings: PageTimings, wallOperations: WallOperation[]): FirstChartRun {
  const before = timings.resources.filter((r) => r.end <= timings.firstChartMs);
  const graphql = timings.resources.filter((r) => r.path === '/graphql');
  const graphqlBefore = before.filter((r) => r.path === '/graphql');
  const scripts = before.filter((r) => r.path.endsWith('.js'));
  const maxOf = (values: number[]) => (values.length > 0 ? Math.max(...values) : null);
  return {
    firstChartMs: timings.firstChartMs,
    chart: timings.chart,
    documentMs: timings.documentMs,
    domContentLoadedMs: timings.domContentLoadedMs,
    firstGraphqlSentMs: graphql.length > 0 ? Math.min(...graphql.map((r) => r.start)) : null,
    firstGraphqlMs: graphql.length > 0 ? Math.min(...graphql.map((r) => r.end)) : null,
    lastGraphqlBeforeChartMs: maxOf(graphqlBefore.map((r) => r.end)),
    graphqlBeforeChart: graphqlBefore.length,
    longestGraphqlMs: maxOf(graphqlBefore.map((r) => r.end - r.start)),
    scriptsBeforeChart: scripts.length,
    scriptBytesBeforeChart: scripts.reduce((sum, r) => sum + r.bytes, 0),
    scriptPathsBeforeChart: scripts.map((r) => r.path),
    operations: wallOperations
      .map((op) => {
        const startMs = op.wallStart - timings.timeOrigin;
        return { name: op.name, startMs, endMs: startMs + op.durationMs };
      })
      .filter((op) => op.endMs <= timings.firstChartMs)
      .sort((a, b) => a.startMs - b.startMs),
  };
}

/**
 * Time to the first chart of the county overview (`/county`): signs in once over HTTP, then, per run,
 * a new browser context (empty cache, nothing shared with the other runs) that starts with the session
 * already in sessionStorage, loads `/county` and waits for the dashboard's first-chart mark. Reduced
 * motion is on, as in the browser tests: Chart.js then draws the finished chart in one frame, so the
 * mark is the complete chart, not the first frame of a one-second animation.
 */
export async function dashboardFirstChart(browser: Browser, options: FirstChartOptions): Promise<FirstChartResult> {
  const session = await signIn(options);
  const result: FirstChartResult = { warmups: [], runs: [] };
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    try {
      await context.addInitScript({
        content: `sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)});`,
      });
      const page = await context.newPage();
      // Resource Timing has no operation names (every request is /graphql): Playwright's do.
      const operations: WallOperation[] = [];
      page.on('requestfinished', (request) => {
        if (new URL(request.url()).pathname !== '/graphql') return;
        // registered queries go as GET by hash (operationName in the URL), everything else as POST
        const name =
          request.method() === 'GET'
            ? new URL(request.url()).searchParams.get('operationName')
            : (request.postDataJSON() as { operationName?: string } | null)?.operationName;
        const timing = request.timing();
        operations.push({
          name: name ?? 'unnamed',
          wallStart: timing.startTime,
          durationMs: timing.responseEnd,
        });
      });
      await page.goto(`${options.baseUrl}/county`, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(
          `performance.getEntriesByName(${JSON.stringify(FIRST_CHART_MARK)}, 'mark').length > 0`,
          undefined,
          { timeout: CHART_TIMEOUT_MS },
        );
      } catch (error) {
        throw new Error(`no chart drawn at ${page.url()} within ${CHART_TIMEOUT_MS / 1000} s`, { cause: error });
      }
      const timings = await page.evaluate<PageTimings>(COLLECT);
      if (timings.path !== '/county') throw new Error(`the dashboard went to ${timings.path}, not /county`);
      const run = summariseRun(timings, operations);
      const warmup = i < options.warmups;
      (warmup ? result.warmups : result.runs).push(run);
      options.log(
        `${warmup ? 'warm-up' : `run ${i - options.warmups + 1}/${options.runs}`}: first chart ` +
          `${Math.round(run.firstChartMs)} ms (${run.chart ?? 'unnamed'}), first GraphQL response ` +
          `${run.firstGraphqlMs === null ? '-' : Math.round(run.firstGraphqlMs)} ms`,
      );
    } finally {
      await context.close();
    }
  }
  return result;
}
