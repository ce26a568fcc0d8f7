import type { ReportState } from '../../graphql/generated/schema-enums';
import type { DraftValueForForm, EntryInput, FormCheck } from './quarterly-report-form';

/** Why the submit button is disabled; null when it is enabled. */
export type SubmitBlock =
  | { reason: 'SUBMITTING' }
  | { reason: 'NOT_OPEN'; opensOn: string }
  | { reason: 'ACCEPTED' }
  | { reason: 'ERRORS'; n: number }
  | { reason: 'NO_CHANGES' };

export interface ReadinessInput {
  /** Today in China (YYYY-MM-DD). */
  today: string;
  periodEnd: string;
  state: ReportState | null;
  values: readonly DraftValueForForm[];
  check: FormCheck;
  correctionMissing: boolean;
  submitting: boolean;
}

/** The day after the period ends: a quarter is reported once it is over. */
export function opensOn(periodEnd: string): string {
  const d = new Date(`${periodEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The form holds exactly what is stored: a report that was submitted or accepted, every value as
 * reported and every override's reason unchanged. (A returned report may be resubmitted as it is: that
 * answers the return; a report never submitted has nothing stored.) The server answers such a submission
 * `unchanged` anyway; the button says so first.
 */
export function holdsStoredValues(
  state: ReportState | null,
  values: readonly DraftValueForForm[],
  check: FormCheck,
): boolean {
  if (state !== 'SUBMITTED' && state !== 'ACCEPTED') return false;
  const sent = new Map(check.values.map((v) => [v.metricKey, v]));
  return values.every((v) => {
    const now = sent.get(v.metricKey);
    if (!now) return false;
    const value =
      now.reportedValue === null || v.reportedValue === null
        ? now.reportedValue === v.reportedValue
        : Math.abs(now.reportedValue - v.reportedValue) < 1e-9;
    return value && (!check.checks[v.metricKey]?.overridden || (now.overrideReason ?? '') === (v.overrideReason ?? ''));
  });
}

/** The first reason, in this order, that keeps the form from being submitted. */
export function submitBlock(input: ReadinessInput): SubmitBlock | null {
  if (input.submitting) return { reason: 'SUBMITTING' };
  if (input.today <= input.periodEnd) return { reason: 'NOT_OPEN', opensOn: opensOn(input.periodEnd) };
  if (input.correctionMissing) return { reason: 'ACCEPTED' };
  if (input.check.errorCount > 0) return { reason: 'ERRORS', n: input.check.errorCount };
  if (holdsStoredValues(input.state, input.values, input.check)) return { reason: 'NO_CHANGES' };
  return null;
}

/** Where the clerk's values and the newer stored ones meet after a CONFLICT (a three-way merge per metric). */
export interface MergeState {
  /** What the clerk had typed when the conflict came. */
  mine: Record<string, EntryInput>;
  /** The newer version's values, as the form would first show them. */
  theirs: Record<string, EntryInput>;
  /** Metrics both sides changed differently: the clerk chooses (or edits). */
  conflicting: string[];
}

const sameEntry = (a: EntryInput | undefined, b: EntryInput | undefined) =>
  (a?.text.trim() ?? '') === (b?.text.trim() ?? '') && (a?.reason.trim() ?? '') === (b?.reason.trim() ?? '');

/**
 * The entries to continue with after reloading: a metric only the clerk changed keeps the clerk's value,
 * one only the newer version changed takes that, and one both changed differently keeps the clerk's value
 * and is listed in `conflicting`, to be shown beside the stored one.
 */
export function mergeEntries(
  base: Readonly<Record<string, EntryInput>>,
  mine: Readonly<Record<string, EntryInput>>,
  theirs: Readonly<Record<string, EntryInput>>,
): { entries: Record<string, EntryInput>; merge: MergeState } {
  const entries: Record<string, EntryInput> = {};
  const conflicting: string[] = [];
  for (const key of Object.keys(theirs)) {
    const mineChanged = !sameEntry(mine[key], base[key]);
    const theirsChanged = !sameEntry(theirs[key], base[key]);
    const chosen = mineChanged ? mine[key]! : theirs[key]!;
    entries[key] = { ...chosen };
    if (mineChanged && theirsChanged && !sameEntry(mine[key], theirs[key])) conflicting.push(key);
  }
  return { entries, merge: { mine: { ...mine }, theirs: { ...theirs }, conflicting } };
}
