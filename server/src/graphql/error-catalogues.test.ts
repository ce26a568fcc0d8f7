import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../common/errors/app-error.js';
import { INPUT_VALIDATION_FAILED, INTERNAL_ERROR } from '../common/errors/format-graphql-error.js';
import { REASON_PATTERN } from '../test-support/expect-refusal.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Source files of the server, tests aside, as paths relative to src/ (posix separators). */
function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !file.startsWith('test-support/'));
}

const isCatalogue = (file: string) => file.endsWith('.errors.ts');
/** Where AppErrors may be built: the catalogues, and common/errors (AppError, defineError). */
const mayBuildErrors = (file: string) => isCatalogue(file) || file.startsWith('common/errors/');

interface Entry {
  reason: string;
  where: string;
  /** The entry itself, for catalogue entries (not the formatter's plain reasons). */
  build?: () => unknown;
}

/** Every catalogue entry (a function with a `reason`), however deeply its catalogue nests them. */
function entriesOf(value: unknown, where: string, seen = new Set<unknown>()): Entry[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  if (typeof value === 'function') {
    const reason = (value as { reason?: unknown }).reason;
    return typeof reason === 'string' ? [{ reason, where, build: value as () => unknown }] : [];
  }
  return Object.entries(value).flatMap(([key, item]) => entriesOf(item, `${where}.${key}`, seen));
}

/** Reasons more than one entry gives on purpose: one refusal raised by two layers in the same words. */
const DELIBERATELY_SHARED: Record<string, string> = {
  // a malformed id, whether the input hygiene (ID arguments) or assertUuid (ids inside inputs) finds it
  INVALID_UUID: 'ids',
  // the HTTP layer's and the GraphQL formatter's generic internal error
  INTERNAL_ERROR: 'internal',
};

describe('error catalogues', () => {
  let entries: Entry[];
  let catalogueEntries: Required<Entry>[];

  beforeAll(async () => {
    const catalogues = sourceFiles().filter(isCatalogue);
    entries = [];
    for (const file of catalogues) {
      const module = (await import(pathToFileURL(join(SRC, file)).href)) as Record<string, unknown>;
      entries.push(...entriesOf(module, file));
    }
    catalogueEntries = entries.filter((entry): entry is Required<Entry> => entry.build !== undefined);
    // the formatter's own reasons, for refusals it shapes without a catalogue entry
    entries.push({ reason: INPUT_VALIDATION_FAILED, where: 'format-graphql-error' });
    entries.push({ reason: INTERNAL_ERROR, where: 'format-graphql-error' });
  });

  it('finds the catalogues of the domains, of tenancy, of common and of the HTTP and GraphQL layers', () => {
    const files = new Set(entries.map((entry) => entry.where.split('.')[0]!.replace(/\/[^/]*$/, '')));
    for (const dir of [
      'modules/station',
      'modules/quarterly-report',
      'modules/auth',
      'tenancy',
      'common/errors',
      'http',
    ])
      expect([...files]).toContain(dir);
    expect(entries.length).toBeGreaterThan(100);
  });

  it('gives every entry a SCREAMING_SNAKE reason', () => {
    const malformed = entries.filter((entry) => !REASON_PATTERN.test(entry.reason));
    expect(malformed).toEqual([]);
  });

  it('gives each reason to one entry, unless it is deliberately shared', () => {
    const byReason = new Map<string, string[]>();
    for (const entry of entries) byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry.where]);
    const duplicated = [...byReason].filter(([reason, where]) => where.length > 1 && !DELIBERATELY_SHARED[reason]);
    expect(duplicated).toEqual([]);
    for (const reason of Object.keys(DELIBERATELY_SHARED)) expect(byReason.get(reason)?.length).toBeGreaterThan(1);
  });

  it('builds AppErrors that carry the entry’s reason and both messages', () => {
    // entries called without their arguments: those whose wording reads an argument's property throw and
    // are skipped; the rest (most) must still build a complete refusal
    let built = 0;
    for (const entry of catalogueEntries) {
      let error: unknown;
      try {
        error = entry.build();
      } catch {
        continue;
      }
      built += 1;
      expect(error).toBeInstanceOf(AppError);
      expect([entry.where, (error as AppError).reason]).toEqual([entry.where, entry.reason]);
      expect((error as AppError).messageZh).toMatch(/\p{Script=Han}/u);
      expect((error as AppError).messageEn).toMatch(/[a-z]/);
    }
    expect(built).toBeGreaterThan(50);
  });

  it('leaves no AppError built outside the catalogues and common/errors', () => {
    const offenders = sourceFiles()
      .filter((file) => !mayBuildErrors(file))
      .filter((file) => /new AppError\(|defineError\(/.test(readFileSync(join(SRC, file), 'utf8')))
      .map((file) => relative('.', file));
    expect(offenders).toEqual([]);
  });
});
