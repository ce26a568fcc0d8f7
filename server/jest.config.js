/** Integration tests run against a real PostgreSQL (embedded unless DATABASE_URL is set). */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/jest/global-setup.js',
  globalTeardown: '<rootDir>/jest/global-teardown.js',
  testTimeout: 60000,
  // The fault tests have their own config (jest.fault.config.js, `npm run test:fault`).
  testPathIgnorePatterns: ['/node_modules/', '\\.fault\\.test\\.ts$'],
};
