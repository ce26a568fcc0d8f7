import { Provenance } from '../../common/enums/provenance.enum.js';
import type { AnnualSummary } from './dto/annual-summary.type.js';
import type { SummaryFigure } from './dto/summary-figure.type.js';
import type { SummarySentence } from './dto/summary-sentence.type.js';
import { SummaryKind } from './dto/summary-kind.enum.js';
import { planSummary } from './summary-plan.js';
import type { SummarySources } from './summary-sources.js';
import { chineseNumeral, proseName } from './summary-wording.js';

export interface SummaryInput {
  townshipId: string;
  townshipName: string;
  kind: SummaryKind;
  year: number | null;
  termId: string | null;
  termOrdinal: number | null;
  figures: SummaryFigure[];
  sources: SummarySources;
  includeSynthetic: boolean;
}

const real = <T extends { provenance: Provenance | null }>(rows: readonly T[]): T[] =>
  rows.filter((r) => r.provenance !== Provenance.SYNTHETIC);

/**
 * The summary of a year or a term: sentences planned from the known facts, each with the facts it
 * states. Without includeSynthetic, generated rows and figures are left out before anything is
 * written, so no sentence rests on them; with it, they are kept and their sentences marked, and the
 * paragraph says （模拟） after each such sentence.
 */
export function composeSummary(input: SummaryInput): AnnualSummary {
  const { sources, includeSynthetic } = input;
  const used: SummarySources = includeSynthetic
    ? sources
    : {
        ...sources,
        figures: new Map([...sources.figures].filter(([, f]) => f.provenance !== Provenance.SYNTHETIC)),
        elections: real(sources.elections),
        activities: real(sources.activities),
        suggestions: real(sources.suggestions),
      };
  const term = input.kind === SummaryKind.TERM;
  const planned = planSummary(used, term);
  const name = proseName(input.townshipName);
  const subject = `${name}人大主席团`;
  const opening = term
    ? `${input.termOrdinal ? `第${chineseNumeral(input.termOrdinal)}届` : '本届'}镇人大任期内`
    : `${input.year}年`;
  const sentences: SummarySentence[] = planned.map((s, i) => {
    let text: string;
    if (i > 0) text = s.lead ? `${s.lead}，${s.body}` : s.body;
    else if (term) text = `${opening}，${subject}${s.lead ? `于${s.lead}` : ''}${s.body}`;
    else text = s.lead ? `${opening}${s.lead}，${subject}${s.body}` : `${opening}，${subject}${s.body}`;
    return {
      textZh: `${text}。`,
      synthetic: s.facts.some((f) => f.provenance === Provenance.SYNTHETIC),
      basis: s.facts,
    };
  });
  const paragraphZh =
    sentences.length === 0
      ? `${opening}，${subject}尚无已报送或已录入的工作情况可供小结。`
      : sentences.map((s) => (s.synthetic ? s.textZh.replace(/。$/, '（模拟）。') : s.textZh)).join('');
  // The figure table is data, each figure with its own provenance and synthetic share: always whole.
  const figures = input.figures;
  return {
    townshipId: input.townshipId,
    townshipName: input.townshipName,
    kind: input.kind,
    year: input.year,
    termId: input.termId,
    figures,
    sentences,
    paragraphZh,
    includesSynthetic: sentences.some((s) => s.synthetic) || figures.some((f) => f.provenance === Provenance.SYNTHETIC),
  };
}
