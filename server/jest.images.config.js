/**
 * Image tests (`npm run test:images`, root and podman needed): the server and migration images built
 * from server/Dockerfile, run against a throw-away PostgreSQL. No global setup.
 */
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: ['**/*.image.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Building the images from scratch takes minutes on a two-core machine.
  testTimeout: 1_200_000,
};
