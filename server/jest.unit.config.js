/**
 * Unit tests (`npm run test:unit`): the test files that need no database and no build, straight from src/
 * with ts-jest, no global setup. Which files those are is decided by their imports (jest/test-kinds.js);
 * `npm test` (jest.config.js) still runs every file, unit and integration alike.
 */
import base from './jest.config.js';
import { classifyTests } from './jest/test-kinds.js';

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const { integration, fault } = classifyTests();

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
