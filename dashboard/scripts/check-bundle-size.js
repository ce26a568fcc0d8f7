// After `vite build`: the JavaScript a first visit downloads (the entry script and the chunks it
// preloads, as index.html names them) must stay under the budget, gzipped. Lazy routes are listed
// for information. Exits 1 over the budget, so the build fails.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 300;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
);
if (initial.size === 0) {
  process.stderr.write('check-bundle-size: no script found in dist/index.html\n');
  process.exit(1);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const assets = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const rows = assets
  .map((file) => ({ file, kb: gzipKb(file), initial: initial.has(file) }))
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.kb - a.kb);
const total = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.kb, 0);

const lines = rows.map((r) => `  ${r.initial ? 'initial' : 'lazy   '}  ${r.kb.toFixed(1).padStart(7)} KB  ${r.file}`);
process.stdout.write(
  ['bundle (gzip):', ...lines, `initial JavaScript: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`, ''].join(
    '\n',
  ),
);
if (total > BUDGET_KB) {
  process.stderr.write(`initial JavaScript ${total.toFixed(1)} KB is over the ${BUDGET_KB} KB budget\n`);
  process.exit(1);
}
