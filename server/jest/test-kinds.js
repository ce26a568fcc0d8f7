// Which server test files are unit tests (no database, no build) and which are integration tests, decided
// by what they import rather than by their names, so no test file has to be renamed and none is left out:
// every *.test.ts is exactly one of unit, integration or fault.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcRoot = join(serverRoot, 'src');

/**
 * Modules that need what only `npm test` provides: the test cluster its global setup starts
 * (test-cluster.ts; test-database.ts and test-server.ts go through it), a PostgreSQL of their own, or
 * the compiled server in dist/. A test that reaches one of them, directly or through other modules of
 * src/, is an integration test. Add a module here when it starts needing a database or the build.
 */
export const INTEGRATION_ROOTS = [
  'src/test-support/test-cluster.ts',
  'src/test-support/spawn-server.ts',
  'src/test-support/run-cli.ts',
  'src/test-support/replication-pair.ts',
  'src/test-support/throwaway-cluster.ts',
  'src/database/embedded-database.ts',
  'src/database/citus/local-cluster.ts',
];

/**
 * Fault, image and Citus tests have configs of their own (jest.fault.config.js, jest.images.config.js,
 * jest.citus.config.js).
 */
export const OWN_CONFIG_TEST = /\.(fault|image|citus)\.test\.ts$/;

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports of a module, as absolute .ts paths (ESM sources import `./x.js` for `./x.ts`). */
function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1].replace(/\.js$/, '.ts')));
}

/**
 * The import chain from `file` to an integration root, or null when there is none.
 * @param {string} file absolute path
 * @param {Set<string>} roots absolute paths
 * @param {Map<string, string[] | null>} memo
 */
function chainToRoot(file, roots, memo, visiting = new Set()) {
  if (roots.has(file)) return [file];
  if (memo.has(file)) return memo.get(file);
  if (visiting.has(file)) return null;
  visiting.add(file);
  let found = null;
  let imports = [];
  try {
    imports = importsOf(file);
  } catch {
    // Not a TypeScript module of src/ (a JSON file, a generated file that is missing): nothing to follow.
  }
  for (const imported of imports) {
    const chain = chainToRoot(imported, roots, memo, visiting);
    if (chain) {
      found = [file, ...chain];
      break;
    }
  }
  visiting.delete(file);
  memo.set(file, found);
  return found;
}

/**
 * Every test file under server/src, by kind, as paths relative to server/ (sorted). `reasons` tells, for
 * each integration test, the import chain that makes it one.
 */
export function classifyTests() {
  const roots = new Set(INTEGRATION_ROOTS.map((p) => join(serverRoot, p)));
  const memo = new Map();
  const kinds = { unit: [], integration: [], fault: [], reasons: {} };
  for (const file of testFiles(srcRoot).sort()) {
    const name = relative(serverRoot, file);
    if (OWN_CONFIG_TEST.test(file)) {
      kinds.fault.push(name);
      continue;
    }
    const chain = chainToRoot(file, roots, memo);
    if (chain) {
      kinds.integration.push(name);
      kinds.reasons[name] = chain.map((p) => relative(serverRoot, p));
    } else {
      kinds.unit.push(name);
    }
  }
  return kinds;
}
