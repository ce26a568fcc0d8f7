import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { summaryParagraph } from './summary-paragraph.js';

const figure = (
  metricKey: string,
  value: number | null,
  extra: Partial<{ qualifier: FigureQualifier; numerator: number; denominator: number; unit: string }> = {},
) => ({
  metricKey,
  nameZh: metricKey,
  nameEn: metricKey,
  unit: extra.unit ?? '次',
  value,
  numerator: extra.numerator ?? null,
  denominator: extra.denominator ?? null,
  provenance: value === null ? null : Provenance.REPORTED,
  qualifier: extra.qualifier ?? FigureQualifier.EXACT,
  unknownReason: null,
  syntheticShare: value === null ? null : 0,
});

describe('summaryParagraph', () => {
  it('writes known figures with their qualifiers and says unknown ones are unknown, never 0', () => {
    const text = summaryParagraph('镇江镇', 2021, [
      figure('meetings_held', 4),
      figure('supervisions', 30, { qualifier: FigureQualifier.AT_LEAST }),
      figure('government_reports_heard', null),
      figure('inspections', 2, { qualifier: FigureQualifier.AT_LEAST }),
      figure('suggestion_completion_rate', 100, { numerator: 11, denominator: 11, unit: '%' }),
    ]);
    expect(text).toMatch(/^2021年，镇江镇人大主席团召开人大会议4次、主席团会议（数据未知）/);
    expect(text).toContain('督导督办30余次');
    expect(text).toContain('视察至少2次');
    expect(text).toContain('政府工作报告（数据未知）');
    expect(text).toContain('办结率100%（11/11）');
    expect(text).not.toMatch(/[^0-9]0次/);
  });

  it('says so when a year has no figure at all', () => {
    expect(summaryParagraph('某镇', 2030, [figure('meetings_held', null)])).toBe(
      '2030年，某镇人大主席团本年度尚无可统计的数据。',
    );
  });
});
