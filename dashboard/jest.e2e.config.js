/**
 * Browser tests: the compiled server (serving dashboard/dist) over a fresh seeded database, driven in
 * Debian's Chromium by playwright-core. Run after `npm run build` (npm test builds first).
 */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.e2e.json' }] },
  globalSetup: '<rootDir>/e2e/support/global-setup.js',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.js',
  testTimeout: 60000,
};
