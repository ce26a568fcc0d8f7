import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import type { SummaryFigure } from './dto/summary-figure.type.js';

/** The clauses of the opening paragraph, in the order work reports use, with each figure's wording. */
export const SUMMARY_CLAUSES: readonly { lead: string; items: readonly [metricKey: string, wording: string][] }[] = [
  {
    lead: '召开',
    items: [
      ['meetings_held', '人大会议'],
      ['presidium_meetings', '主席团会议'],
    ],
  },
  {
    lead: '组织代表开展',
    items: [
      ['inspections', '视察'],
      ['research_visits', '调研'],
      ['law_enforcement_checks', '执法检查'],
      ['supervisions', '督导督办'],
      ['study_sessions', '学习培训'],
      ['legal_outreach', '普法宣传'],
    ],
  },
  { lead: '听取和审议', items: [['government_reports_heard', '政府工作报告']] },
  {
    lead: '办理',
    items: [
      ['suggestions_received', '代表建议'],
      ['suggestions_completed', '其中办结'],
    ],
  },
  {
    lead: '接待',
    items: [
      ['visitors_received', '群众来访'],
      ['letters_received', '群众来信'],
      ['letters_answered', '答复来信'],
    ],
  },
];

function amount(figure: SummaryFigure): string {
  const n = Number.isInteger(figure.value) ? String(figure.value) : figure.value!.toFixed(2);
  // "30余次" is how reports write a round lower bound; a small one reads better as "至少2次".
  if (figure.qualifier === FigureQualifier.AT_LEAST)
    return figure.value! >= 10 && figure.value! % 10 === 0 ? `${n}余${figure.unit}` : `至少${n}${figure.unit}`;
  if (figure.qualifier === FigureQualifier.APPROXIMATE) return `约${n}${figure.unit}`;
  return `${n}${figure.unit}`;
}

/**
 * "2021年，镇江镇人大主席团召开人大会议4次……" from the figures. A figure that is unknown is said to be
 * unknown (数据未知), never written as 0; a year with no figure at all says so.
 */
export function summaryParagraph(townshipName: string, year: number, figures: readonly SummaryFigure[]): string {
  const byKey = new Map(figures.map((f) => [f.metricKey, f]));
  const clauses = SUMMARY_CLAUSES.map(({ lead, items }) => {
    const parts = items.map(([key, wording]) => {
      const figure = byKey.get(key);
      return figure && figure.value !== null ? `${wording}${amount(figure)}` : `${wording}（数据未知）`;
    });
    return `${lead}${parts.join('、')}`;
  });
  const rate = byKey.get('suggestion_completion_rate');
  const rateText =
    rate && rate.value !== null
      ? `，代表建议办结率${rate.value}%${rate.numerator !== null && rate.denominator !== null ? `（${rate.numerator}/${rate.denominator}）` : ''}`
      : '，代表建议办结率（数据未知）';
  const known = figures.some((f) => f.value !== null);
  if (!known) return `${year}年，${townshipName}人大主席团本年度尚无可统计的数据。`;
  return `${year}年，${townshipName}人大主席团${clauses.join('；')}${rateText}。`;
}
