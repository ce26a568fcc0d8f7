import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from 'jest';
import { findRepoRoot } from '../config/app-config.js';
import { INTEGRATION_ROOTS, classifyTests } from '../../jest/test-kinds.js';

const serverRoot = join(findRepoRoot(), 'server');

/** The jest configs are plain JavaScript outside src/: loaded as they are, not compiled. */
async function jestConfig(file: string): Promise<Config> {
  const loaded = (await import(pathToFileURL(join(serverRoot, file)).href)) as { default: Config };
  return loaded.default;
}

/** Whether a jest config's testPathIgnorePatterns leave `path` (relative to server/) to run. */
function runs(config: Config, path: string): boolean {
  const absolute = join(serverRoot, path);
  return !(config.testPathIgnorePatterns ?? []).some((pattern) => new RegExp(pattern).test(absolute));
}

describe('unit and integration tests (jest/test-kinds.js)', () => {
  const kinds = classifyTests();
  const everyTest = readdirSync(join(serverRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join('src', f))
    .sort();

  it('puts every test file in exactly one kind', () => {
    const classified = [...kinds.unit, ...kinds.integration, ...kinds.fault];
    expect(new Set(classified).size).toBe(classified.length);
    expect(classified.sort()).toEqual(everyTest);
    expect(kinds.unit).toEqual(
      expect.arrayContaining(['src/common/csv/to-csv.test.ts', 'src/test-support/test-kinds.test.ts']),
    );
    expect(kinds.integration).toEqual(
      expect.arrayContaining(['src/database/row-level-security.test.ts', 'src/migrations/migrations.test.ts']),
    );
    // fault, image and Citus tests: each kind has a config of its own
    expect(kinds.fault.filter((test) => !test.endsWith('.citus.test.ts'))).toEqual([
      'src/deploy/server-image.image.test.ts',
      'src/fault/faults.fault.test.ts',
    ]);
    expect(kinds.fault).toEqual(
      expect.arrayContaining(['src/database/citus/routing.citus.test.ts', 'src/fault/worker-kill.citus.test.ts']),
    );
  });

  it('names, for each integration test, the import chain that needs a database or the build', () => {
    for (const test of kinds.integration) {
      const chain = kinds.reasons[test]!;
      expect(chain[0]).toBe(test);
      expect(INTEGRATION_ROOTS).toContain(chain.at(-1));
    }
  });

  it('lets `npm test` run every unit and integration test, `npm run test:unit` only the unit tests', async () => {
    const [integrationConfig, unitConfig, faultConfig] = await Promise.all(
      ['jest.config.js', 'jest.unit.config.js', 'jest.fault.config.js'].map(jestConfig),
    );
    for (const test of [...kinds.unit, ...kinds.integration])
      expect([test, runs(integrationConfig, test)]).toEqual([test, true]);
    for (const test of kinds.unit) expect([test, runs(unitConfig, test)]).toEqual([test, true]);
    for (const test of [...kinds.integration, ...kinds.fault])
      expect([test, runs(unitConfig, test)]).toEqual([test, false]);
    expect(unitConfig.globalSetup).toBeUndefined();
    expect(faultConfig.testMatch).toEqual(['**/*.fault.test.ts']);
  });

  it('lets `npm run test:citus` run the Citus tests, which `npm test` leaves out', async () => {
    const [integrationConfig, citusConfig] = await Promise.all(
      ['jest.config.js', 'jest.citus.config.js'].map(jestConfig),
    );
    const citusTests = kinds.fault.filter((test) => test.endsWith('.citus.test.ts'));
    expect(citusTests.length).toBeGreaterThan(0);
    for (const test of citusTests) expect([test, runs(integrationConfig, test)]).toEqual([test, false]);
    expect(citusConfig.testMatch).toContain('<rootDir>/src/**/*.citus.test.ts');
    expect(citusConfig.globalSetup).toBe('<rootDir>/jest/citus-global-setup.js');
  });
});
