import { describe, expect, it } from '@jest/globals';
import {
  chartValue,
  countyMedian,
  figureFlags,
  figureText,
  flagLabels,
  formatFigure,
  formatNumber,
  formatShare,
  hasChartData,
  markFootnotes,
  unknownLabel,
} from './figure-format';
import { chartValueText } from '../components/charts/chart-value-text';
import zhCN from '../i18n/zh-CN';

describe('formatFigure', () => {
  it('shows unknown as 未知 / Unknown, never as 0', () => {
    expect(formatFigure(null, { locale: 'zh-CN' })).toBe('未知');
    expect(formatFigure(undefined, { locale: 'en' })).toBe('Unknown');
    expect(formatFigure(null, { locale: 'zh-CN', qualifier: 'AT_LEAST', unit: '次' })).toBe('未知');
    expect(formatFigure(0, { locale: 'zh-CN' })).toBe('0');
  });

  it('writes AT_LEAST as 30余 in Chinese and ≥30 in English', () => {
    expect(formatFigure(30, { locale: 'zh-CN', qualifier: 'AT_LEAST' })).toBe('30余');
    expect(formatFigure(30, { locale: 'zh-CN', qualifier: 'AT_LEAST', unit: '次' })).toBe('30余次');
    expect(formatFigure(30, { locale: 'en', qualifier: 'AT_LEAST', unit: '次' })).toBe('≥30');
    expect(formatFigure(980, { locale: 'zh-CN', qualifier: 'AT_LEAST', unit: '条' })).toBe('980余条');
    expect(formatFigure(23, { locale: 'zh-CN', qualifier: 'AT_LEAST', unit: '次' })).toBe('≥23次');
  });

  it('writes APPROXIMATE with 约 / ~', () => {
    expect(formatFigure(10000, { locale: 'zh-CN', qualifier: 'APPROXIMATE', unit: '人次' })).toBe('约10,000人次');
    expect(formatFigure(10000, { locale: 'en', qualifier: 'APPROXIMATE' })).toBe('~10,000');
  });

  it('adds % to rates in both languages and keeps two decimals at most', () => {
    expect(formatFigure(98.3606, { locale: 'zh-CN', kind: 'RATE', unit: '%' })).toBe('98.36%');
    expect(formatFigure(100, { locale: 'en', kind: 'RATE' })).toBe('100%');
  });
});

describe('numbers and shares', () => {
  it('groups thousands', () => {
    expect(formatNumber(38590, 'en')).toBe('38,590');
    expect(formatNumber(1.005, 'zh-CN', 1)).toBe('1');
  });

  it('gives a share, unknown when nothing is counted', () => {
    expect(formatShare(11, 11, 'zh-CN')).toBe('100%');
    expect(formatShare(1, 3, 'en')).toBe('33.3%');
    expect(formatShare(0, 0, 'en')).toBe(unknownLabel('en'));
  });

  it('plots unknown as a gap', () => {
    expect(chartValue(null)).toBeNull();
    expect(chartValue(Number.NaN)).toBeNull();
    expect(chartValue(0)).toBe(0);
  });
});

describe('figureFlags', () => {
  it('marks synthetic figures', () => {
    expect(figureFlags({ provenance: 'SYNTHETIC' }).synthetic).toBe(true);
    expect(figureFlags({ provenance: 'REPORTED' }).synthetic).toBe(false);
  });

  it('marks a rate over fewer than 10 cases as small-sample, and nothing else', () => {
    expect(figureFlags({ kind: 'RATE', denominator: 3 }).smallSample).toBe(true);
    expect(figureFlags({ kind: 'RATE', denominator: 10 }).smallSample).toBe(false);
    expect(figureFlags({ kind: 'RATE', denominator: null }).smallSample).toBe(false);
    expect(figureFlags({ kind: 'RATE', denominator: 0 }).smallSample).toBe(false);
    expect(figureFlags({ kind: 'COUNT', denominator: 3 }).smallSample).toBe(false);
  });
});

/** Message lookup over the zh-CN catalogue, as vue-i18n's t would do (with {name} parameters). */
const zh = (key: string, params: Record<string, unknown> = {}): string => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN);
  if (typeof found !== 'string') throw new Error(`no message ${key}`);
  return found.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
};

describe('figureFlags: one rule for 模拟, 未知 and 进行中', () => {
  it('gives an unknown figure its reason and never marks it synthetic or small-sample', () => {
    const flags = figureFlags({
      value: null,
      provenance: 'SYNTHETIC',
      unknownReason: 'NOT_STATED',
      kind: 'RATE',
      denominator: 3,
    });
    expect(flags).toMatchObject({ unknownReason: 'NOT_STATED', synthetic: false, smallSample: false });
    expect(figureFlags({ value: null, unknownReason: 'SOMETHING_ELSE' }).unknownReason).toBeNull();
  });

  it('drops a reason sent with a known value', () => {
    expect(figureFlags({ value: 0, unknownReason: 'NOT_SUBMITTED' }).unknownReason).toBeNull();
  });

  it('marks a value with any generated rows behind it synthetic, whatever its provenance says', () => {
    expect(figureFlags({ value: 25, provenance: 'RECORDED', syntheticShare: 0.5 })).toMatchObject({
      synthetic: true,
      syntheticShare: 0.5,
    });
    expect(figureFlags({ value: 25, provenance: 'RECORDED', syntheticShare: 0 }).synthetic).toBe(false);
  });

  it('marks the unfinished period and a rank on generated values', () => {
    expect(figureFlags({ value: 4, provisional: true }).provisional).toBe(true);
    expect(figureFlags({ value: 4, rankSynthetic: true }).rankSynthetic).toBe(true);
  });

  it('writes the marks in words, in one order, for tables, print and PNG', () => {
    const flags = figureFlags({ value: null, unknownReason: 'NOT_SUBMITTED' });
    expect(flagLabels(flags, zh)).toEqual(['未报送']);
    expect(figureText(null, { locale: 'zh-CN', unit: '次' }, flags, zh)).toBe('未知（未报送）');
    const synthetic = figureFlags({ value: 12, provenance: 'SYNTHETIC', provisional: true });
    expect(figureText(12, { locale: 'zh-CN', unit: '次' }, synthetic, zh)).toBe('12次（进行中，模拟）');
    expect(figureText(12, { locale: 'en', unit: '次' }, figureFlags({ value: 12 }), zh)).toBe('12');
  });

  it('lists each kind of mark once under a chart', () => {
    const lines = markFootnotes(
      [
        figureFlags({ value: 1, provenance: 'SYNTHETIC' }),
        figureFlags({ value: 2, provenance: 'SYNTHETIC' }),
        figureFlags({ value: null, unknownReason: 'NOT_RECORDED' }),
      ],
      zh,
    );
    expect(lines).toEqual([
      `未录入：${zhCN.enums.unknownReasonHint.NOT_RECORDED}`,
      `模拟：${zhCN.common.syntheticHint}`,
    ]);
    expect(markFootnotes([figureFlags({ value: 1 })], zh)).toEqual([]);
  });
});

describe('countyMedian', () => {
  it('needs three known values and says how many it used', () => {
    expect(countyMedian([3, null, 1, 2])).toEqual({ value: 2, basis: 3 });
    expect(countyMedian([4, 1, 3, 2])).toEqual({ value: 2.5, basis: 4 });
    expect(countyMedian([4, null, 1])).toEqual({ value: null, basis: 2 });
    expect(countyMedian([])).toEqual({ value: null, basis: 0 });
  });
});

describe('empty charts', () => {
  it('have data only when some series has a known value (0 is known)', () => {
    expect(hasChartData([])).toBe(false);
    expect(hasChartData([{ values: [null, null] }, { values: [] }])).toBe(false);
    expect(hasChartData([{ values: [null, 0] }])).toBe(true);
    expect(hasChartData([{ values: [Number.NaN] }])).toBe(false);
  });

  it('say unknown with its reason in tooltips and tables, never 0', () => {
    expect(chartValueText(null, '未知', undefined, '未报送')).toBe('未知 (未报送)');
    expect(chartValueText(0, '未知', (v) => `${v}次`)).toBe('0次');
  });
});
