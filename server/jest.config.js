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
  // Fault, image and Citus tests have their own configs (`npm run test:fault`, `test:images`, `test:citus`).
  testPathIgnorePatterns: ['/node_modules/', '\\.(fault|image|citus)\\.test\\.ts$'],
};
