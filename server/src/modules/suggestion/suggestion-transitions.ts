import { SuggestionState } from './suggestion-state.enum.js';
import { suggestionErrors } from './suggestion.errors.js';

const S = SuggestionState;

/**
 * The handling workflow (交办 → 承办 → 答复 → 办结). A reply may be reopened for more work; a completed
 * suggestion is final; a returned one may be corrected and submitted again.
 */
export const SUGGESTION_TRANSITIONS: Readonly<Record<SuggestionState, readonly SuggestionState[]>> = {
  [S.SUBMITTED]: [S.ASSIGNED, S.RETURNED],
  [S.ASSIGNED]: [S.IN_PROGRESS, S.REPLIED, S.RETURNED],
  [S.IN_PROGRESS]: [S.REPLIED],
  [S.REPLIED]: [S.COMPLETED, S.IN_PROGRESS],
  [S.COMPLETED]: [],
  [S.RETURNED]: [S.SUBMITTED],
};

const LABELS: Record<SuggestionState, string> = {
  SUBMITTED: '已提交',
  ASSIGNED: '已交办',
  IN_PROGRESS: '办理中',
  REPLIED: '已答复',
  COMPLETED: '已办结',
  RETURNED: '已退回',
};

export function assertTransition(from: SuggestionState, to: SuggestionState): void {
  if (SUGGESTION_TRANSITIONS[from].includes(to)) return;
  throw suggestionErrors.transitionNotAllowed(from, to, LABELS[from], LABELS[to], SUGGESTION_TRANSITIONS[from]);
}
