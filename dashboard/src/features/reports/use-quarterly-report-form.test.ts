import { describe, expect, it } from '@jest/globals';
import { nextTick, ref } from 'vue';
import type { ReportState } from '../../graphql/generated/schema-enums';
import {
  useQuarterlyReportForm,
  type QuarterlyReportFormDraft,
  type SubmitAnswer,
  type SubmitInput,
  type SubmittedReport,
} from './use-quarterly-report-form';

const draftOf = (over: Partial<QuarterlyReportFormDraft> = {}): QuarterlyReportFormDraft => ({
  year: 2024,
  quarter: 1,
  version: 0,
  periodEnd: '2024-03-31',
  report: null,
  values: [
    { metricKey: 'inspections', kind: 'COUNT', recordedValue: 4, reportedValue: 4, overrideReason: null },
    { metricKey: 'letter_reply_rate', kind: 'RATE', recordedValue: null, reportedValue: null, overrideReason: null },
  ],
  ...over,
});

const stored = (version: number): SubmittedReport => ({
  replayed: false,
  unchanged: false,
  report: { id: 'r1', state: 'SUBMITTED', version, revision: 1, late: false, submittedAt: null, returnReason: null },
  revision: { id: 'v1', revision: 1, submittedAt: '2024-04-02T00:00:00Z', late: false },
});
const refused = (code: string): SubmitAnswer => ({
  ok: false,
  error: { errors: [{ message: code, extensions: { code } }] },
});
const lost: SubmitAnswer = { ok: false, error: new TypeError('Failed to fetch') };

/** A form over a draft ref, with a server that answers from a script and records what it was sent. */
function setUp(answers: SubmitAnswer[], draft = ref<QuarterlyReportFormDraft | null>(draftOf())) {
  const sent: SubmitInput[] = [];
  let keys = 0;
  const form = useQuarterlyReportForm(
    () => draft.value,
    async (input) => {
      sent.push(input);
      const answer = answers.shift();
      if (!answer) throw new Error('no answer scripted');
      return answer;
    },
    () => `key-${++keys}`,
  );
  return { form, sent, draft };
}

describe('useQuarterlyReportForm', () => {
  it('prefills from the draft and asks a reason for a value that differs from the record', () => {
    const { form } = setUp([]);
    expect(form.entries['inspections']).toEqual({ text: '4', reason: '' });
    expect(form.canSubmit.value).toBe(true);
    form.entries['inspections']!.text = '6';
    expect(form.check.value?.checks['inspections']?.errors).toEqual(['REASON_REQUIRED']);
    expect(form.canSubmit.value).toBe(false);
    form.entries['inspections']!.reason = '补录两次';
    expect(form.canSubmit.value).toBe(true);
  });

  it('does not send a form with errors', async () => {
    const { form, sent } = setUp([]);
    form.entries['inspections']!.text = '-1';
    expect(await form.send()).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it('sends the values with the draft version, and retries a lost answer with the same idempotency key', async () => {
    const { form, sent } = setUp([lost, { ok: true, report: stored(1) }]);
    form.entries['inspections'] = { text: '6', reason: '补录两次' };
    expect(await form.send()).toBe(false);
    expect(form.networkFailed.value).toBe(true);
    expect(form.submitting.value).toBe(false);
    expect(await form.send()).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      year: 2024,
      quarter: 1,
      expectedVersion: 0,
      correctionReason: null,
      idempotencyKey: 'key-1',
      values: [
        { metricKey: 'inspections', reportedValue: 6, overrideReason: '补录两次' },
        { metricKey: 'letter_reply_rate', reportedValue: null, overrideReason: null },
      ],
    });
    expect(sent[1]!.idempotencyKey).toBe('key-1');
    expect(form.result.value?.report.version).toBe(1);
    expect(form.networkFailed.value).toBe(false);
  });

  it('takes CONFLICT as a stale form: says so, and a later attempt gets a new key', async () => {
    const { form, sent } = setUp([refused('CONFLICT'), refused('CONFLICT')]);
    await form.send();
    expect(form.conflict.value).toBe(true);
    expect(form.networkFailed.value).toBe(false);
    await form.send();
    expect(sent.map((input) => input.idempotencyKey)).toEqual(['key-1', 'key-2']);
    form.clearOutcome();
    expect(form.conflict.value).toBe(false);
    expect(form.error.value).toBeNull();
  });

  it('keeps the same key for a refusal other than CONFLICT (nothing was stored)', async () => {
    const { form, sent } = setUp([refused('BAD_USER_INPUT'), refused('BAD_USER_INPUT')]);
    await form.send();
    expect(form.conflict.value).toBe(false);
    await form.send();
    expect(sent.map((input) => input.idempotencyKey)).toEqual(['key-1', 'key-1']);
  });

  it('needs a correction reason to resubmit an accepted report', async () => {
    const accepted: ReportState = 'ACCEPTED';
    const { form, sent } = setUp(
      [{ ok: true, report: stored(3) }],
      ref(draftOf({ version: 2, report: { state: accepted } })),
    );
    expect(form.needsCorrectionReason.value).toBe(true);
    expect(form.canSubmit.value).toBe(false);
    form.correctionReason.value = '  更正视察次数 ';
    // the same values again would correct nothing
    expect(form.blocked.value).toEqual({ reason: 'NO_CHANGES' });
    form.entries['letter_reply_rate']!.text = '90';
    expect(form.canSubmit.value).toBe(true);
    await form.send();
    expect(sent[0]!.correctionReason).toBe('更正视察次数');
  });

  it('starts again from a new version of the draft', async () => {
    const { form, draft } = setUp([]);
    form.entries['inspections'] = { text: '9', reason: 'x' };
    form.correctionReason.value = 'y';
    draft.value = draftOf({
      version: 1,
      values: [{ metricKey: 'inspections', kind: 'COUNT', recordedValue: 4, reportedValue: 5, overrideReason: '漏记' }],
    });
    await nextTick();
    expect(form.entries).toEqual({ inspections: { text: '5', reason: '漏记' } });
    expect(form.correctionReason.value).toBe('');
  });
});
