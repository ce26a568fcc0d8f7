import { describe, expect, it } from '@jest/globals';
import { chartValue, figureFlags, formatFigure, formatNumber, formatShare, unknownLabel } from './figure-format';

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
