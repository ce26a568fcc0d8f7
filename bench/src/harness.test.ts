import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FLOOR_PAGES } from './pages/floor-pages.js';
import { POSTGRAPHILE_PAGES } from './pages/postgraphile-pages.js';

const run = promisify(execFile);
const dist = new URL('../dist/cli.js', import.meta.url).pathname;
// Its own cluster folder: a benchmark running at the same time keeps .data/bench-pg.
const dataDir = join(new URL('../../.data/', import.meta.url).pathname, `bench-test-pg-${process.pid}`);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('bench harness (county tier)', () => {
  it('gets the same B1, B2 and page-load data from the API, PostGraphile and the hand-written SQL floor', async () => {
    if (!existsSync(dist)) throw new Error('bench/dist is missing: run `npm run build` first');
    const { stdout } = await run(
      process.execPath,
      [dist, '--tier', 'county', '--check-only', '--workloads', 'B1,B2,pages'],
      { env: { ...process.env, RENDA_BENCH_PG_DIR: dataDir }, maxBuffer: 16 * 1024 * 1024 },
    );
    const { tier, checks } = JSON.parse(stdout.trim().split('\n').pop()!) as {
      tier: string;
      checks: Record<string, { equal: boolean; detail: string }>;
    };
    expect(tier).toBe('county');
    // Every page operation with a PostGraphile query or a floor was compared with the API's answer (the
    // API answered every page operation without errors, or the run would have failed before this).
    const expected = [
      'B1 renda=floor',
      'B1 renda=postgraphile',
      'B2 renda=floor',
      'B2 renda=postgraphile',
      ...Object.keys(POSTGRAPHILE_PAGES).map((name) => `${name} renda=postgraphile`),
      ...Object.keys(FLOOR_PAGES).map((name) => `${name} renda=floor`),
    ].sort();
    expect(Object.keys(checks).sort()).toEqual(expected);
    for (const [name, check] of Object.entries(checks)) expect({ name, ...check }).toMatchObject({ name, equal: true });
    // 40 townships × 8 quarters × 12 metrics.
    expect(checks['B1 renda=floor']!.detail).toBe('3840 facts');
    // The township page compares real rows (terms, stations, deputies, reports and their values…), not two empty answers.
    expect(Number(/^(\d+) facts$/.exec(checks['TownshipOverview renda=postgraphile']!.detail)![1])).toBeGreaterThan(
      1000,
    );
  });
});
