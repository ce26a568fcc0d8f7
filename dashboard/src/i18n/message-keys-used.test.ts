import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import zhCN from './zh-CN';

/**
 * vue-i18n's `t` takes any string, so a literal key with a typo compiles and shows the raw key at run
 * time. This reads every source file and checks each literal key (t('…'), messageKey('…', '…'),
 * enumLabel('…', '…') with literal arguments) against zh-CN.ts. Keys built from variables are checked by
 * the types of messageKey/enumLabel instead; template strings at t() are forbidden by eslint.config.js.
 */
const SRC = join(fileURLToPath(new URL('.', import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function exists(key: string): boolean {
  const found = key.split('.').reduce<unknown>((node, part) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[part];
  }, zhCN);
  return typeof found === 'string';
}

const LITERAL_T = /(?<![\w$])\$?t\(\s*'([^'\\]+)'/g;
const LITERAL_BUILT = /(?<![\w$])(messageKey|enumLabel)\(\s*'([^'\\]+)',\s*'([^'\\]+)'\s*\)/g;

function keysIn(text: string): string[] {
  const keys = [...text.matchAll(LITERAL_T)].map((m) => m[1]!);
  for (const m of text.matchAll(LITERAL_BUILT))
    keys.push(m[1] === 'enumLabel' ? `enums.${m[2]}.${m[3]}` : `${m[2]}.${m[3]}`);
  return keys;
}

describe('literal message keys', () => {
  it('finds keys the way the sources write them', () => {
    expect(keysIn(`t('common.loading'); $t( 'a.b', { n }); at('x'); messageKey('nav', 'explorer')`)).toEqual([
      'common.loading',
      'a.b',
      'nav.explorer',
    ]);
    expect(keysIn(`enumLabel('gender', 'MALE')`)).toEqual(['enums.gender.MALE']);
  });

  it('exist in zh-CN.ts', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(20);
    const missing = files.flatMap((file) =>
      keysIn(readFileSync(file, 'utf8'))
        .filter((key) => !exists(key))
        .map((key) => `${relative(SRC, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
