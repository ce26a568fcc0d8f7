import type { FigureKind } from '../../utils/figure-format';

/** What the form needs of a draft value (QuarterlyReportDraft.values). */
export interface DraftValueForForm {
  metricKey: string;
  kind: FigureKind;
  recordedValue: number | null;
  reportedValue: number | null;
  overrideReason: string | null;
}

/** What the clerk typed for one metric. */
export interface EntryInput {
  text: string;
  reason: string;
}

export type EntryError =
  'NOT_A_NUMBER' | 'NEGATIVE' | 'NOT_WHOLE' | 'RATE_ABOVE_100' | 'REASON_REQUIRED' | 'REASON_TOO_LONG';

export interface EntryCheck {
  /** The value to report: null is unknown (the field left empty). */
  value: number | null;
  /** The entered value differs from the recorded one (a reason is then required). */
  overridden: boolean;
  errors: EntryError[];
}

export const REASON_MAX_LENGTH = 500;

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** "" is unknown (null); otherwise a plain number, full-width digits and thousands separators accepted. */
export function parseEntry(text: string): number | null | 'NOT_A_NUMBER' {
  const normalised = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (normalised === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return 'NOT_A_NUMBER';
  return Number(normalised);
}

/**
 * The same rules as the server (quarterly-report-submission.service.ts), checked while the clerk types:
 * non-negative, counts whole, rates at most 100, and a reason for any value that differs from a
 * recorded one.
 */
export function checkEntry(draft: DraftValueForForm, entry: EntryInput): EntryCheck {
  const parsed = parseEntry(entry.text);
  const errors: EntryError[] = [];
  if (parsed === 'NOT_A_NUMBER') return { value: null, overridden: false, errors: ['NOT_A_NUMBER'] };
  if (parsed !== null) {
    if (parsed < 0) errors.push('NEGATIVE');
    if (draft.kind === 'COUNT' && !Number.isInteger(parsed)) errors.push('NOT_WHOLE');
    if (draft.kind === 'RATE' && parsed > 100) errors.push('RATE_ABOVE_100');
  }
  const overridden = draft.recordedValue !== null && !same(parsed, draft.recordedValue);
  const reason = entry.reason.trim();
  if (overridden && reason === '') errors.push('REASON_REQUIRED');
  if (reason.length > REASON_MAX_LENGTH) errors.push('REASON_TOO_LONG');
  return { value: parsed, overridden, errors };
}

function entryText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** The form as first shown: the current submission's values (or the recorded ones) and reasons. */
export function initialEntries(values: readonly DraftValueForForm[]): Record<string, EntryInput> {
  return Object.fromEntries(
    values.map((v) => [v.metricKey, { text: entryText(v.reportedValue), reason: v.overrideReason ?? '' }]),
  );
}

export interface ReportValueInput {
  metricKey: string;
  reportedValue: number | null;
  overrideReason: string | null;
}

export interface FormCheck {
  checks: Record<string, EntryCheck>;
  errorCount: number;
  overrideCount: number;
  values: ReportValueInput[];
}

/** Every metric checked, and the values to submit (each metric named, reasons only where overridden). */
export function checkForm(
  values: readonly DraftValueForForm[],
  entries: Readonly<Record<string, EntryInput>>,
): FormCheck {
  const checks: Record<string, EntryCheck> = {};
  const submitted: ReportValueInput[] = [];
  let errorCount = 0;
  let overrideCount = 0;
  for (const draft of values) {
    const entry = entries[draft.metricKey] ?? { text: entryText(draft.reportedValue), reason: '' };
    const check = checkEntry(draft, entry);
    checks[draft.metricKey] = check;
    errorCount += check.errors.length;
    if (check.overridden) overrideCount += 1;
    const reason = entry.reason.trim();
    submitted.push({
      metricKey: draft.metricKey,
      reportedValue: check.value,
      overrideReason: check.overridden || (draft.recordedValue === null && reason !== '') ? reason || null : null,
    });
  }
  return { checks, errorCount, overrideCount, values: submitted };
}

/**
 * One idempotency key per submission attempt: the same key while the clerk retries the same values
 * (a lost answer is then replayed, never stored twice); a new one once the values change or the last
 * attempt was settled (stored, or refused for a stale version).
 */
export class SubmissionAttempt {
  private key: string | null = null;
  private fingerprint: string | null = null;

  constructor(private readonly newKey: () => string) {}

  keyFor(payload: unknown): string {
    const fingerprint = JSON.stringify(payload);
    if (this.key === null || fingerprint !== this.fingerprint) {
      this.key = this.newKey();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  settle(): void {
    this.key = null;
    this.fingerprint = null;
  }
}

/**
 * A random UUID for an idempotency key: crypto.randomUUID where the page is a secure context, else the
 * same version-4 layout from crypto.getRandomValues (served over plain HTTP on an intranet address).
 */
export function newIdempotencyKey(
  cryptoApi: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
