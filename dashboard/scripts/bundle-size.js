// What a first visit downloads: the JavaScript index.html loads up front (the entry script and the
// chunks it preloads), each gzipped at level 9, against the budget; lazy chunks for information.
// Shared by the build's check (check-bundle-size.js) and the benchmark's dashboard figures.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const INITIAL_SCRIPT = /<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g;

export const bundleSize = {
  /** Initial JavaScript, gzipped, may not exceed this. */
  budgetKb: 300,

  /**
   * @param {string} distDir the built dashboard (dist/)
   * @returns {{ initialGzipBytes: number, initialBytes: number, lazyGzipBytes: number,
   *   files: { file: string, initial: boolean, bytes: number, gzipBytes: number }[] }}
   */
  measure(distDir) {
    const indexHtml = join(distDir, 'index.html');
    const initial = new Set([...readFileSync(indexHtml, 'utf8').matchAll(INITIAL_SCRIPT)].map((m) => m[1]));
    if (initial.size === 0) throw new Error(`no script found in ${indexHtml}`);
    const files = readdirSync(join(distDir, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => {
        const file = `assets/${name}`;
        const content = readFileSync(join(distDir, file));
        return {
          file,
          initial: initial.has(file),
          bytes: content.length,
          gzipBytes: gzipSync(content, { level: 9 }).length,
        };
      })
      .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipBytes - a.gzipBytes);
    const missing = [...initial].filter((file) => !files.some((f) => f.file === file));
    if (missing.length > 0) throw new Error(`index.html loads files missing from assets/: ${missing.join(', ')}`);
    const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
    const initialFiles = files.filter((f) => f.initial);
    return {
      initialGzipBytes: sum(initialFiles, 'gzipBytes'),
      initialBytes: sum(initialFiles, 'bytes'),
      lazyGzipBytes: sum(
        files.filter((f) => !f.initial),
        'gzipBytes',
      ),
      files,
    };
  },
};
