import { describe, expect, it } from '@jest/globals';
import { csvFileName, exportFileBase, fileNameFromDisposition } from './csv';

describe('csvFileName', () => {
  it('makes a safe name', () => {
    expect(csvFileName('suggestions / 2021', '2026-11-25')).toBe('renda-suggestions-2021-2026-11-25.csv');
    expect(csvFileName('  ', '2026-11-25')).toBe('renda-query-2026-11-25.csv');
  });
});

describe('exportFileBase', () => {
  it('keeps Chinese, and fits the server’s 60 characters', () => {
    expect(exportFileBase('各乡镇 建议', '2026-11-25')).toBe('renda-各乡镇-建议-2026-11-25');
    const long = exportFileBase('x'.repeat(100), '2026-11-25');
    expect(long).toHaveLength(60);
    expect(long.endsWith('-2026-11-25')).toBe(true);
    expect(/^[\w\u4e00-\u9fa5-]{1,60}$/.test(long)).toBe(true);
  });
});

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name, then the plain one', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="renda-export.csv"; filename*=UTF-8''${encodeURIComponent('renda-思蒙-2026-11-25')}.csv`,
      ),
    ).toBe('renda-思蒙-2026-11-25.csv');
    expect(fileNameFromDisposition('attachment; filename="renda-export.csv"')).toBe('renda-export.csv');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
