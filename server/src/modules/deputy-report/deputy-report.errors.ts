import { badInput, defineError } from '../../common/errors/define-error.js';

type Field = readonly (string | number)[];

export const deputyReportErrors = {
  countNegative: defineError('DEPUTY_REPORT_COUNT_NEGATIVE', (field: Field) =>
    badInput(field, '人数不能为负数', 'A count may not be negative'),
  ),
  /** 满意 + 基本满意 + 不满意 are votes of the voters present: never more than them. */
  evaluationExceedsVoters: defineError('DEPUTY_REPORT_EVALUATION_EXCEEDS_VOTERS', (sum: number, voters: number) =>
    badInput(
      ['input', 'satisfied'],
      `评议票数合计 ${sum} 超过到场选民 ${voters} 人`,
      `The evaluation counts add up to ${sum}, more than the ${voters} voters present`,
    ),
  ),
  evaluationPartial: defineError('DEPUTY_REPORT_EVALUATION_PARTIAL', (field: Field) =>
    badInput(
      field,
      '评议结果须同时填写满意、基本满意、不满意三项（未评议则都不填）',
      'Give all three evaluation counts, or none when no evaluation was held',
    ),
  ),
  outsideTerm: defineError('DEPUTY_REPORT_OUTSIDE_TERM', (term: string, from: string | null, to: string | null) =>
    badInput(
      ['input', 'reportedOn'],
      `述职日期不在代表所属${term}的任期内（${from ?? '?'} 至 ${to ?? '今'}）`,
      `The report date lies outside the deputy’s term ${term} (${from ?? '?'} to ${to ?? 'today'})`,
    ),
  ),
};
