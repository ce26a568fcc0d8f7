/**
 * The Citus suite (`npm run test:citus`): on a coordinator and two workers started for the run
 * (jest/citus-global-setup.js), every test file gets a database distributed by county. It runs the role ×
 * operation × target matrix, the submission and analytics tests, every page-load operation of the dashboard
 * (page-load-statements.test.ts: each answers, within its statement bound), and every `*.citus.test.ts` (which the
 * ordinary `npm test` leaves out: they need the cluster).
 */
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  globalSetup: '<rootDir>/jest/citus-global-setup.js',
  testMatch: [
    '<rootDir>/src/graphql/access-matrix.test.ts',
    '<rootDir>/src/modules/quarterly-report/clerk-submission.test.ts',
    '<rootDir>/src/modules/quarterly-report/quarterly-report-workflow.test.ts',
    '<rootDir>/src/modules/analytics/*.test.ts',
    '<rootDir>/src/graphql/page-load-statements.test.ts',
    '<rootDir>/src/**/*.citus.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
};
