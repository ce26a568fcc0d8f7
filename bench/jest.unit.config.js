/** Unit tests (`npm run test:unit`): all but the harness test, which needs the build and starts PostgreSQL. */
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default { ...base, testPathIgnorePatterns: ['/node_modules/', '/src/harness\\.test\\.ts$'] };
