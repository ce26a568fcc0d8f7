import { computed, reactive, ref, shallowRef, watch } from 'vue';
import type {
  SubmitQuarterlyReportMutation,
  SubmitQuarterlyReportMutationVariables,
} from '../../graphql/generated/operations';
import { ReportState } from '../../graphql/generated/schema-enums';
import { errorCodes } from '../../utils/describe-error';
import { todayInChina } from '../../utils/dates';
import { mergeEntries, submitBlock, type MergeState } from './submit-readiness';
import {
  checkForm,
  initialEntries,
  newIdempotencyKey,
  SubmissionAttempt,
  type DraftValueForForm,
  type EntryInput,
} from './quarterly-report-form';

/** What the form needs of a draft (QuarterlyReportDraft): its period, version, values and state. */
export interface QuarterlyReportFormDraft {
  year: number;
  quarter: number;
  version: number;
  periodEnd: string;
  values: readonly DraftValueForForm[];
  report: { state: ReportState } | null;
}

export type SubmitInput = SubmitQuarterlyReportMutationVariables['input'];
export type SubmittedReport = SubmitQuarterlyReportMutation['submitQuarterlyReport'];
export type SubmitAnswer = { ok: true; report: SubmittedReport } | { ok: false; error: unknown };
/** Sends the submission (the page's mutation): the server's answer, or the error that refused it. */
export type SubmitReport = (input: SubmitInput) => Promise<SubmitAnswer>;

/**
 * The quarterly report form as state: the values and reasons the clerk types (prefilled from the draft
 * and started again whenever a new draft or version arrives), their checks, the correction reason an
 * accepted report needs, and the outcome of the last submission (stored, unchanged, refused, or CONFLICT:
 * someone else submitted first). The idempotency key is kept while the same values are retried.
 * After a CONFLICT the clerk's values survive the reload of the newer version: `merge` lists the metrics
 * both changed, to choose per metric (see mergeEntries).
 */
export function useQuarterlyReportForm(
  draft: () => QuarterlyReportFormDraft | null,
  submitReport: SubmitReport,
  newKey: () => string = () => newIdempotencyKey(),
  today: () => string = () => todayInChina(),
) {
  const entries = reactive<Record<string, EntryInput>>({});
  const correctionReason = ref('');
  const submitting = ref(false);
  const result = shallowRef<SubmittedReport | null>(null);
  const error = shallowRef<unknown>(null);
  const conflict = ref(false);
  const attempt = new SubmissionAttempt(newKey);
  const merge = shallowRef<MergeState | null>(null);
  /** At a CONFLICT: the values the draft started from and the clerk's, kept for the reload. */
  let pending: { base: Record<string, EntryInput>; mine: Record<string, EntryInput> } | null = null;

  watch(
    () => {
      const d = draft();
      return d ? `${d.year}-${d.quarter}-${d.version}` : null;
    },
    () => {
      const d = draft();
      if (!d) return;
      for (const key of Object.keys(entries)) delete entries[key];
      const theirs = initialEntries(d.values);
      if (pending) {
        const merged = mergeEntries(pending.base, pending.mine, theirs);
        Object.assign(entries, merged.entries);
        // Nothing both sides changed: the clerk's values simply continue on the newer version.
        merge.value = merged.merge.conflicting.length > 0 ? merged.merge : null;
        pending = null;
      } else {
        Object.assign(entries, theirs);
        merge.value = null;
        correctionReason.value = '';
      }
      conflict.value = false;
    },
    { immediate: true },
  );

  const check = computed(() => {
    const d = draft();
    return d ? checkForm(d.values, entries) : null;
  });
  const needsCorrectionReason = computed(() => draft()?.report?.state === ReportState.Accepted);
  const correctionMissing = computed(() => needsCorrectionReason.value && correctionReason.value.trim() === '');
  /** Why the button is disabled (null: it is not). */
  const blocked = computed(() => {
    const d = draft();
    if (!d || !check.value) return null;
    return submitBlock({
      today: today(),
      periodEnd: d.periodEnd,
      state: d.report?.state ?? null,
      values: d.values,
      check: check.value,
      correctionMissing: correctionMissing.value,
      submitting: submitting.value,
    });
  });
  const canSubmit = computed(() => !!check.value && blocked.value === null);
  /** The last attempt got no answer at all (the network): the button offers to retry the same values. */
  const networkFailed = computed(() => error.value !== null && errorCodes(error.value).length === 0);

  /** Submits the form; true when the server stored it (or replayed an earlier identical submission). */
  async function send(): Promise<boolean> {
    const d = draft();
    if (!d || !check.value || !canSubmit.value) return false;
    result.value = null;
    error.value = null;
    conflict.value = false;
    const payload = {
      year: d.year,
      quarter: d.quarter,
      expectedVersion: d.version,
      values: check.value.values,
      correctionReason: needsCorrectionReason.value ? correctionReason.value.trim() : null,
    };
    const idempotencyKey = attempt.keyFor(payload);
    submitting.value = true;
    const answer = await submitReport({ ...payload, idempotencyKey }).finally(() => {
      submitting.value = false;
    });
    if (answer.ok) {
      attempt.settle();
      result.value = answer.report;
      return true;
    }
    error.value = answer.error;
    if (errorCodes(answer.error).includes('CONFLICT')) {
      attempt.settle();
      conflict.value = true;
      pending = {
        base: initialEntries(d.values),
        mine: JSON.parse(JSON.stringify(entries)) as Record<string, EntryInput>,
      };
    }
    return false;
  }

  /** Before reloading the draft: the last outcome no longer applies. */
  function clearOutcome(): void {
    error.value = null;
    conflict.value = false;
    result.value = null;
  }

  /** One metric of the merge: the stored value ('theirs') or the clerk's ('mine') into the field. */
  function choose(metricKey: string, side: 'mine' | 'theirs'): void {
    const m = merge.value;
    if (!m) return;
    entries[metricKey] = { ...m[side][metricKey]! };
  }

  /** The merge is over (the clerk has chosen): stop showing the stored values beside the fields. */
  function endMerge(): void {
    merge.value = null;
  }

  return {
    entries,
    correctionReason,
    check,
    needsCorrectionReason,
    correctionMissing,
    canSubmit,
    blocked,
    merge,
    choose,
    endMerge,
    submitting,
    networkFailed,
    result,
    error,
    conflict,
    send,
    clearOutcome,
  };
}
