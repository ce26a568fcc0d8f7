import { findRows } from './find-rows.js';
import { toCsv, UTF8_BOM } from './to-csv.js';

describe('CSV export', () => {
  it('finds the first list (connection nodes or edges) and flattens nested objects into dotted columns', () => {
    const rows = findRows({
      townships: {
        totalCount: 2,
        nodes: [
          { name: '思蒙镇', county: { name: '示范县' } },
          { name: '群利镇', county: { name: '示范县' } },
        ],
      },
    });
    expect(rows).toEqual([
      { name: '思蒙镇', 'county.name': '示范县' },
      { name: '群利镇', 'county.name': '示范县' },
    ]);
    expect(findRows({ deputies: { edges: [{ cursor: 'a', node: { name: '张三' } }] } })).toEqual([{ name: '张三' }]);
    expect(findRows({ me: { login: 'x' } })).toEqual([]);
  });

  it('writes UTF-8 with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = toCsv([
      { name: '思蒙镇', note: '办结率 100%, "全部"' },
      { name: '=HYPERLINK("x")', extra: 3 },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'name,note,extra',
      '思蒙镇,"办结率 100%, ""全部""",',
      `"'=HYPERLINK(""x"")",,3`,
      '',
    ]);
  });
});
