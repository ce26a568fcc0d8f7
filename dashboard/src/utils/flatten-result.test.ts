import { describe, expect, it } from '@jest/globals';
import { findFirstList, flattenRows, numericColumns, tableFromResult } from './flatten-result';

const result = {
  me: { login: 'demo.analyst' },
  townships: {
    totalCount: 2,
    nodes: [
      { name: '思蒙镇', suggestions: { totalCount: 11 }, county: { name: '示范县' }, tags: ['a', 'b'] },
      { name: '群利镇', suggestions: { totalCount: 8 }, county: null, tags: [] },
    ],
  },
  other: [1, 2],
};

describe('findFirstList', () => {
  it('finds the first list depth first, in field order', () => {
    const found = findFirstList(result);
    expect(found?.path).toEqual(['townships', 'nodes']);
    expect(found?.items).toHaveLength(2);
  });

  it('finds nothing in a result without lists', () => {
    expect(findFirstList({ me: { login: 'x' } })).toBeNull();
    expect(findFirstList(null)).toBeNull();
  });
});

describe('flattenRows', () => {
  it('flattens nested objects into dotted columns and joins value lists', () => {
    const table = flattenRows(result.townships.nodes);
    expect(table.columns).toEqual(['name', 'suggestions.totalCount', 'county.name', 'tags', 'county']);
    expect(table.rows[0]).toEqual({
      name: '思蒙镇',
      'suggestions.totalCount': 11,
      'county.name': '示范县',
      tags: 'a; b',
    });
    expect(table.rows[1]).toMatchObject({ county: null, tags: '' });
  });

  it('keeps lists of objects as JSON and tabulates plain values', () => {
    expect(flattenRows([{ p: [{ id: 1 }] }]).rows[0]).toEqual({ p: '[{"id":1}]' });
    expect(flattenRows([3, null])).toEqual({ columns: ['value'], rows: [{ value: 3 }, { value: null }] });
  });
});

describe('numericColumns and tableFromResult', () => {
  it('offers the columns a chart can plot', () => {
    const table = tableFromResult(result);
    expect(table?.path).toEqual(['townships', 'nodes']);
    expect(numericColumns(table!)).toEqual(['suggestions.totalCount']);
    expect(numericColumns({ columns: ['x'], rows: [{ x: null }] })).toEqual([]);
    expect(tableFromResult({ a: 1 })).toBeNull();
  });
});
