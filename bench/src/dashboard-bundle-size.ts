import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  /** Path inside the dist folder, e.g. `assets/index-Bl1ihUS7.js`. */
  file: string;
  /** Loaded by index.html (entry script or modulepreload), as opposed to a lazy chunk. */
  initial: boolean;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  /** Sum of the initial files, gzipped at level 9: the figure the 300 KB budget is about. */
  initialGzipBytes: number;
  initialBytes: number;
  lazyGzipBytes: number;
  files: BundleFile[];
}

/** Entry scripts and modulepreload links of index.html: the same expression as the build's check. */
const INITIAL_SCRIPT = /<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g;

/**
 * The built dashboard's JavaScript as `dashboard/scripts/check-bundle-size.js` counts it (that script
 * exits the process, so it cannot be imported): the files index.html loads up front, each gzipped at
 * level 9, plus the lazy chunks for information.
 */
export function dashboardBundleSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(INITIAL_SCRIPT)].map((match) => match[1]!));
  if (initial.size === 0) throw new Error(`no script found in ${join(distDir, 'index.html')}`);
  const files = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name): BundleFile => {
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
  const sum = (list: BundleFile[], key: 'bytes' | 'gzipBytes') => list.reduce((total, f) => total + f[key], 0);
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
}
