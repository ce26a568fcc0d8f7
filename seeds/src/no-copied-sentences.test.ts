/// <reference types="node" />
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeedDataset } from './index.js';

/**
 * The reference reports live in shared/ beside the checkout (where CI puts it), not in the repository;
 * the check is skipped only on a machine that has no copy of them.
 */
const REPORTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/reports');
/** Names and figures may be reused; a run this long of identical characters would be a copied sentence. */
const WINDOW = 16;
/** Formal names of congress sessions are proper names, identical by nature. */
const SESSION_NAME = /人民代表大会第[一二三四五六七八九十]+次(全体)?会议$/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}

const describeIfReports = existsSync(REPORTS_DIR) ? describe : describe.skip;

describeIfReports('seed text', () => {
  it(`copies no run of ${WINDOW} characters from the reports`, () => {
    const reports = existsSync(REPORTS_DIR)
      ? readdirSync(REPORTS_DIR).map((file) => readFileSync(join(REPORTS_DIR, file), 'utf8').replace(/\s+/g, ''))
      : [];
    const copied = new Set<string>();
    const dataset = buildSeedDataset();
    // a report's title is cited as the report gives it, like a session's name
    const titles = new Set(dataset.townships.map((t) => t.sourceReportTitle));
    for (const text of new Set(strings(dataset).filter((t) => !SESSION_NAME.test(t) && !titles.has(t)))) {
      const compact = text.replace(/\s+/g, '');
      for (let i = 0; i + WINDOW <= compact.length; i++) {
        const window = compact.slice(i, i + WINDOW);
        if (reports.some((report) => report.includes(window))) copied.add(text);
      }
    }
    expect([...copied]).toEqual([]);
  });
});
