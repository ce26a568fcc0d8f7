/**
 * The Node.js options the server runs with: `npm start` (server/package.json), the container
 * (server/Dockerfile), the tests that start the built server in a process of its own, and the benchmark.
 *
 * `--experimental-async-context-frame` (Node.js 22.7+, the default from 24): `AsyncLocalStorage`, which
 * carries the request id into every log line (common/logging/request-scope.ts), then follows the
 * continuation with the promise itself instead of through async_hooks' promise hooks, which ran on every
 * promise the server made. Measured on CountyName at the county tier: 0.51–0.56 → 0.42–0.45 ms of the API's
 * CPU per request (bench/README.md, "The fixed cost of every request").
 *
 * `--max-semi-space-size=32` (MB): the young generation, where a request's short-lived objects (rows,
 * resolved fields, the answer's text) are born and die, grows to 32 MB semi-spaces instead of V8's default
 * (16 MB at most, smaller while the heap is small), so it is scavenged less often. At the county tier,
 * alternating runs of `bench/dist/read-path-probe.js`: TownshipOverview (a 40 KB answer) 1.38–1.45 → 0.52–0.58
 * ms of garbage collection and 5.1–5.5 → 3.8–4.3 ms of CPU per request; MetricCatalog 0.24–0.26 → 0.09 ms
 * and 1.30–1.46 → 1.01–1.03 ms. It costs at most about 64 MB more resident memory, inside the pod's 384 Mi
 * request (k8s/base/server-deployment.yaml).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--experimental-async-context-frame', '--max-semi-space-size=32'];
