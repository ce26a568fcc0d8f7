/**
 * The Node.js options the server runs with: `npm start` (server/package.json), the container
 * (server/Dockerfile), the tests that start the built server in a process of its own, and the benchmark.
 *
 * `--experimental-async-context-frame` (Node.js 22.7+, the default from 24): `AsyncLocalStorage`, which
 * carries the request id into every log line (common/logging/request-scope.ts), then follows the
 * continuation with the promise itself instead of through async_hooks' promise hooks, which ran on every
 * promise the server made. Measured on CountyName at the county tier: 0.51–0.56 → 0.42–0.45 ms of the API's
 * CPU per request (bench/README.md, "The fixed cost of every request").
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--experimental-async-context-frame'];
