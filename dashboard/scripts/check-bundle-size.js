// After `vite build`: the JavaScript a first visit downloads must stay under the budget, gzipped
// (bundle-size.js counts it). Lazy routes are listed for information. Exits 1 over the budget, so the
// build fails.
import { bundleSize } from './bundle-size.js';

const kb = (bytes) => bytes / 1024;
let size;
try {
  size = bundleSize.measure(new URL('../dist/', import.meta.url).pathname);
} catch (error) {
  process.stderr.write(`check-bundle-size: ${error.message}\n`);
  process.exit(1);
}
const lines = size.files.map(
  (f) => `  ${f.initial ? 'initial' : 'lazy   '}  ${kb(f.gzipBytes).toFixed(1).padStart(7)} KB  ${f.file}`,
);
const total = kb(size.initialGzipBytes);
process.stdout.write(
  [
    'bundle (gzip):',
    ...lines,
    `initial JavaScript: ${total.toFixed(1)} KB gzipped (budget ${bundleSize.budgetKb} KB)`,
    '',
  ].join('\n'),
);
if (total > bundleSize.budgetKb) {
  process.stderr.write(`initial JavaScript ${total.toFixed(1)} KB is over the ${bundleSize.budgetKb} KB budget\n`);
  process.exit(1);
}
