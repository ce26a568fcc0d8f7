/**
 * Fault tests (`npm run test:fault`): the real server process under load while PostgreSQL is killed,
 * restarted or locked, once with the embedded PostgreSQL and once with DATABASE_URL (a throw-away
 * cluster of Debian's PostgreSQL). Each test starts its own databases: no global setup.
 */
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: ['**/*.fault.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
};
