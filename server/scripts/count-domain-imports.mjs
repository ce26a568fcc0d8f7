// Counts the import statements in server/src that break the layers (common → tenancy → modules, each
// domain under its ancestors), by running the boundary rules of the root eslint.config.js: the hierarchy
// is written once, there. Prints the counts and the offending files, so a change can report before/after.
// usage: node server/scripts/count-domain-imports.mjs [--check]   (--check: exit 1 when any remain)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const srcRoot = path.join(repoRoot, 'server/src');
const BOUNDARY_RULES = new Set(['boundaries/dependencies', 'boundaries/no-unknown-dependencies']);

/** The layer or domain a path inside server/src belongs to: `common`, `tenancy`, `modules/<domain>`, … */
function placeOf(file) {
  const [top, second] = path.relative(srcRoot, file).split(path.sep);
  return top === 'modules' ? `modules/${second}` : top;
}

/** The import specifier at a reported position (the rule reports the string literal). */
function specifierAt(lines, message) {
  const rest = lines[message.line - 1].slice(message.column - 1);
  return /^(['"])(.*?)\1/.exec(rest)?.[2] ?? rest;
}

const eslint = new ESLint({ cwd: repoRoot });
const results = await eslint.lintFiles(['server/src']);

const counts = { hierarchy: 0, commonIntoModules: 0, commonElsewhere: 0, tenancy: 0, unresolved: 0 };
/** file → target places it may not import */
const byFile = new Map();
for (const result of results) {
  const violations = result.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId));
  if (violations.length === 0) continue;
  const lines = readFileSync(result.filePath, 'utf8').split('\n');
  const from = placeOf(result.filePath);
  for (const message of violations) {
    const specifier = specifierAt(lines, message);
    let to;
    if (message.ruleId === 'boundaries/no-unknown-dependencies') {
      counts.unresolved += 1;
      to = `unresolved ${specifier}`;
    } else {
      to = placeOf(path.resolve(path.dirname(result.filePath), specifier));
      if (from === 'common') counts[to.startsWith('modules/') ? 'commonIntoModules' : 'commonElsewhere'] += 1;
      else if (from === 'tenancy') counts.tenancy += 1;
      else counts.hierarchy += 1;
    }
    const file = path.relative(srcRoot, result.filePath);
    byFile.set(file, [...(byFile.get(file) ?? []), to]);
  }
}

const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
const out = [
  `Import statements in server/src against the layers: ${total}`,
  `  a domain importing a child or a sibling (modules/):  ${counts.hierarchy}`,
  `  common/ importing modules/:                          ${counts.commonIntoModules}`,
  `  common/ importing anything else outside common/:     ${counts.commonElsewhere}`,
  `  tenancy/ importing more than the tenant entities:    ${counts.tenancy}`,
  `  imports that resolve to no known file:               ${counts.unresolved}`,
];
if (byFile.size > 0) out.push('', 'By file (imported place × statements):');
for (const [file, targets] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  const tally = new Map();
  for (const target of targets) tally.set(target, (tally.get(target) ?? 0) + 1);
  const listed = [...tally].map(([target, n]) => (n > 1 ? `${target} ×${n}` : target)).join(', ');
  out.push(`  ${file}: ${targets.length} (→ ${listed})`);
}
process.stdout.write(`${out.join('\n')}\n`);
if (process.argv.includes('--check') && total > 0) process.exitCode = 1;
