/**
 * Unit tests (`npm run test:unit`): the test files that need no database and no build, straight from src/
 * with ts-jest, no global setup. Which files those are is decided by their imports (jest/test-kinds.js);
 * `npm test` (jest.config.js) still runs every file, unit and integration alike.
 */
import base from './jest.config.js';
import { classifyTests } from './jest/test-kinds.js';

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const { unit, integration, fault } = classifyTests();
// Say what is left out, so a fast green run is never mistaken for the whole suite (once: not when a
// test in a worker loads this config to check it).
if (!process.env.JEST_WORKER_ID) {
  process.stderr.write(
    `test:unit: ${unit.length} unit test files; ${integration.length} integration and ${fault.length} fault test files ` +
      'need the database or the build (npm test, npm run test:fault)\n',
  );
}

/** @type {import('jest').Config} */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  // The workspace package resolves to its build (seeds/dist); unit tests read its sources instead.
  moduleNameMapper: { ...base.moduleNameMapper, '^@renda/seeds$': '<rootDir>/../seeds/src/index.ts' },
  testTimeout: 10_000,
  testPathIgnorePatterns: ['/node_modules/', ...[...integration, ...fault].map((path) => `/${escape(path)}$`)],
};
