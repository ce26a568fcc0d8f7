import { describe, expect, it } from '@jest/globals';
import {
  checkEntry,
  checkForm,
  initialEntries,
  newIdempotencyKey,
  parseEntry,
  SubmissionAttempt,
  type DraftValueForForm,
} from './quarterly-report-form';

const count = (over: Partial<DraftValueForForm> = {}): DraftValueForForm => ({
  metricKey: 'inspections',
  kind: 'COUNT',
  recordedValue: 4,
  reportedValue: 4,
  overrideReason: null,
  ...over,
});
const rate = (over: Partial<DraftValueForForm> = {}) =>
  count({ metricKey: 'letter_reply_rate', kind: 'RATE', recordedValue: 100, reportedValue: 100, ...over });

describe('parseEntry', () => {
  it('reads empty as unknown and accepts full-width digits and separators', () => {
    expect(parseEntry('')).toBeNull();
    expect(parseEntry('  ')).toBeNull();
    expect(parseEntry('１２')).toBe(12);
    expect(parseEntry('38,590')).toBe(38590);
    expect(parseEntry('98.36')).toBe(98.36);
    expect(parseEntry('三十')).toBe('NOT_A_NUMBER');
    expect(parseEntry('1e3')).toBe('NOT_A_NUMBER');
  });
});

describe('checkEntry', () => {
  it('accepts the recorded value without a reason', () => {
    expect(checkEntry(count(), { text: '4', reason: '' })).toEqual({ value: 4, overridden: false, errors: [] });
  });

  it('requires a reason for a value that differs from the recorded one, unknown included', () => {
    expect(checkEntry(count(), { text: '5', reason: '' }).errors).toEqual(['REASON_REQUIRED']);
    expect(checkEntry(count(), { text: '5', reason: '补录一次' })).toEqual({ value: 5, overridden: true, errors: [] });
    expect(checkEntry(count(), { text: '', reason: '' }).errors).toEqual(['REASON_REQUIRED']);
  });

  it('needs no reason where nothing was recorded', () => {
    expect(checkEntry(count({ recordedValue: null }), { text: '7', reason: '' })).toEqual({
      value: 7,
      overridden: false,
      errors: [],
    });
  });

  it('checks numbers like the server: non-negative, whole counts, rates up to 100', () => {
    expect(checkEntry(count(), { text: '-1', reason: 'x' }).errors).toEqual(['NEGATIVE']);
    expect(checkEntry(count(), { text: '1.5', reason: 'x' }).errors).toEqual(['NOT_WHOLE']);
    expect(checkEntry(rate(), { text: '100.5', reason: 'x' }).errors).toEqual(['RATE_ABOVE_100']);
    expect(checkEntry(rate(), { text: '99.5', reason: 'x' }).errors).toEqual([]);
    expect(checkEntry(count(), { text: 'abc', reason: '' }).errors).toEqual(['NOT_A_NUMBER']);
    expect(checkEntry(count(), { text: '5', reason: 'x'.repeat(501) }).errors).toEqual(['REASON_TOO_LONG']);
  });
});

describe('checkForm', () => {
  it('prefills from the draft and builds the submission with reasons only where overridden', () => {
    const values = [
      count(),
      count({ metricKey: 'study_sessions', recordedValue: 2, reportedValue: 3, overrideReason: '漏记' }),
    ];
    const entries = initialEntries(values);
    expect(entries).toEqual({
      inspections: { text: '4', reason: '' },
      study_sessions: { text: '3', reason: '漏记' },
    });
    entries['inspections'] = { text: '4', reason: 'stale reason' };
    const form = checkForm(values, entries);
    expect(form.errorCount).toBe(0);
    expect(form.overrideCount).toBe(1);
    expect(form.values).toEqual([
      { metricKey: 'inspections', reportedValue: 4, overrideReason: null },
      { metricKey: 'study_sessions', reportedValue: 3, overrideReason: '漏记' },
    ]);
  });

  it('counts the errors of every row', () => {
    const form = checkForm([count(), rate()], {
      inspections: { text: '9', reason: '' },
      letter_reply_rate: { text: '120', reason: '' },
    });
    expect(form.errorCount).toBe(3);
  });
});

describe('SubmissionAttempt', () => {
  it('keeps the key across retries of the same values, and renews it after a change or settling', () => {
    let n = 0;
    const attempt = new SubmissionAttempt(() => `key-${++n}`);
    const first = attempt.keyFor({ v: 1 });
    expect(attempt.keyFor({ v: 1 })).toBe(first);
    expect(attempt.keyFor({ v: 2 })).toBe('key-2');
    attempt.settle();
    expect(attempt.keyFor({ v: 2 })).toBe('key-3');
  });
});

describe('newIdempotencyKey', () => {
  it('is a version-4 UUID with or without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const fallback = newIdempotencyKey({ getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(fallback).toMatch(uuid);
  });
});
