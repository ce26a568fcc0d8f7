import { OutcomeClass, type SuggestionState } from '../../graphql/generated/schema-enums';

export interface SuggestionForPipeline {
  state: SuggestionState;
  outcomeClass: OutcomeClass | null;
}

/** The handling stages in order: 提交 → 交办 → 办理中 → 已答复 → 办结. */
export const PIPELINE_STAGES = [
  'SUBMITTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'REPLIED',
  'COMPLETED',
] as const satisfies readonly SuggestionState[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export const OUTCOME_CLASSES: readonly OutcomeClass[] = Object.values(OutcomeClass);

export interface SuggestionPipeline {
  total: number;
  /** How many reached at least each stage (a completed suggestion passed every stage). */
  funnel: { stage: PipelineStage; count: number }[];
  /** How many are in each state now. */
  byState: Record<SuggestionState, number>;
  returned: number;
  outcomes: { outcomeClass: OutcomeClass | 'NONE'; count: number }[];
  completed: number;
  /** completed / total, null when there are none (unknown, not 0%). */
  completionRate: number | null;
}

export function computePipeline(suggestions: readonly SuggestionForPipeline[]): SuggestionPipeline {
  const byState: Record<SuggestionState, number> = {
    SUBMITTED: 0,
    ASSIGNED: 0,
    IN_PROGRESS: 0,
    REPLIED: 0,
    COMPLETED: 0,
    RETURNED: 0,
  };
  for (const s of suggestions) byState[s.state] += 1;
  const funnel = PIPELINE_STAGES.map((stage, index) => ({
    stage,
    count:
      index === 0 ? suggestions.length : PIPELINE_STAGES.slice(index).reduce((sum, later) => sum + byState[later], 0),
  }));
  const outcomeCounts = new Map<OutcomeClass | 'NONE', number>([...OUTCOME_CLASSES.map((c) => [c, 0] as const)]);
  for (const s of suggestions) {
    const key = s.outcomeClass ?? 'NONE';
    outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + 1);
  }
  const total = suggestions.length;
  return {
    total,
    funnel,
    byState,
    returned: byState.RETURNED,
    outcomes: [...outcomeCounts.entries()]
      .filter(([key, count]) => key !== 'NONE' || count > 0)
      .map(([outcomeClass, count]) => ({ outcomeClass, count })),
    completed: byState.COMPLETED,
    completionRate: total === 0 ? null : (byState.COMPLETED / total) * 100,
  };
}
