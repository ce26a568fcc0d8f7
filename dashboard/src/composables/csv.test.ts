import { describe, expect, it } from '@jest/globals';
import { buildCsv, csvFileName } from './csv';

describe('buildCsv', () => {
  it('starts with a UTF-8 BOM and uses CRLF', () => {
    const csv = buildCsv(['name', 'count'], [{ name: '思蒙镇', count: 11 }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('name,count\r\n思蒙镇,11\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    const csv = buildCsv(['a'], [{ a: 'x,y' }, { a: 'say "hi"' }, { a: 'two\nlines' }, { a: ' padded' }]);
    expect(csv.slice(1).split('\r\n')).toEqual(['a', '"x,y"', '"say ""hi"""', '"two\nlines"', '" padded"', '']);
  });

  it('keeps unknown cells empty, never 0, and writes booleans', () => {
    const csv = buildCsv(['v', 'b'], [{ v: null, b: true }, { b: false }]);
    expect(csv.slice(1)).toBe('v,b\r\n,true\r\n,false\r\n');
  });

  it('defuses spreadsheet formulas in text but not negative numbers', () => {
    const csv = buildCsv(['f'], [{ f: '=HYPERLINK("x")' }, { f: -3 }, { f: '@cmd' }]);
    expect(csv.slice(1).split('\r\n').slice(1, 4)).toEqual(['"\'=HYPERLINK(""x"")"', '-3', "'@cmd"]);
  });
});

describe('csvFileName', () => {
  it('makes a safe name', () => {
    expect(csvFileName('suggestions / 2021', '2026-11-25')).toBe('renda-suggestions-2021-2026-11-25.csv');
    expect(csvFileName('  ', '2026-11-25')).toBe('renda-query-2026-11-25.csv');
  });
});
