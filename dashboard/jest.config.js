/**
 * Unit tests of the dashboard: pure code (formatting, chart data, CSV, flattening) in the node
 * environment, no DOM, no server; component tests (`@jest-environment jsdom` in their docblock) mount
 * .vue files with @vue/test-utils, compiled by jest/vue-sfc-transform.js.
 */
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // Vue and @vue/test-utils from their Node builds in jsdom too (jsdom's default 'browser' condition
  // would pick bundler builds that expect a bundler's process.env replacement).
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  roots: ['<rootDir>/src'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'vue'],
  extensionsToTreatAsEsm: ['.ts', '.vue'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
    '^.+\\.vue$': '<rootDir>/jest/vue-sfc-transform.js',
  },
};
