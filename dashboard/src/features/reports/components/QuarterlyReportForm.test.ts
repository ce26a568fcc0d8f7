/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { flushPromises, mount } from '@vue/test-utils';
import type { QuarterlyReportDraftQuery } from '../../../graphql/generated/operations';
import { i18n } from '../../../i18n/index';
import type { SubmitAnswer, SubmitInput } from '../use-quarterly-report-form';
import QuarterlyReportForm from './QuarterlyReportForm.vue';

type Draft = QuarterlyReportDraftQuery['quarterlyReportDraft'];
type DraftValue = Draft['values'][number];

const value = (over: Partial<DraftValue>): DraftValue => ({
  metricKey: 'inspections',
  nameZh: '视察',
  nameEn: 'Inspections',
  unit: '次',
  kind: 'COUNT',
  group: 'SUPERVISION',
  recordedValue: 4,
  reportedValue: 4,
  overrideReason: null,
  numerator: null,
  denominator: null,
  derivationZh: '按活动记录统计',
  derivationEn: 'Counted from activities',
  ...over,
});
const draft: Draft = {
  year: 2024,
  quarter: 1,
  periodStart: '2024-01-01',
  periodEnd: '2024-03-31',
  deadline: '2024-04-15T16:00:00Z',
  version: 0,
  electionHeld: false,
  report: null,
  values: [
    value({}),
    value({ metricKey: 'study_sessions', nameZh: '学习', nameEn: 'Study', recordedValue: null, reportedValue: null }),
  ],
};

function mountForm(answers: SubmitAnswer[]) {
  const sent: SubmitInput[] = [];
  const wrapper = mount(QuarterlyReportForm, {
    props: {
      draft,
      submitReport: async (input: SubmitInput) => {
        sent.push(input);
        return answers.shift() ?? { ok: false, error: new Error('no answer scripted') };
      },
    },
    global: { plugins: [i18n] },
  });
  return { wrapper, sent };
}

const row = (wrapper: ReturnType<typeof mountForm>['wrapper'], metric: string) =>
  wrapper.get(`tr[data-metric="${metric}"]`);
const submitButton = (wrapper: ReturnType<typeof mountForm>['wrapper']) =>
  wrapper.get<HTMLButtonElement>('[data-testid="quarterly-submit"]');

describe('QuarterlyReportForm', () => {
  it('shows the draft values, unknown as an empty field, and can be submitted as it is', () => {
    const { wrapper } = mountForm([]);
    expect(row(wrapper, 'inspections').get<HTMLInputElement>('[data-testid="value-input"]').element.value).toBe('4');
    expect(row(wrapper, 'study_sessions').get<HTMLInputElement>('[data-testid="value-input"]').element.value).toBe('');
    expect(row(wrapper, 'study_sessions').text()).toContain('未知');
    expect(submitButton(wrapper).element.disabled).toBe(false);
    expect(wrapper.find('[data-testid="form-errors"]').exists()).toBe(false);
  });

  it('asks a reason for an overridden value and keeps submit disabled until it is given', async () => {
    const { wrapper } = mountForm([]);
    const inspections = row(wrapper, 'inspections');
    await inspections.get('[data-testid="value-input"]').setValue('6');
    expect(inspections.get('.field__error').text()).toBe('与记录数不同，须说明理由');
    expect(inspections.classes()).toContain('row--selected');
    expect(inspections.get('[data-testid="reason-input"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="form-errors"]').text()).toContain('还有 1 处需要修改');
    expect(submitButton(wrapper).element.disabled).toBe(true);

    await inspections.get('[data-testid="reason-input"]').setValue('补录两次视察');
    expect(inspections.find('.field__error').exists()).toBe(false);
    expect(wrapper.find('[data-testid="form-errors"]').exists()).toBe(false);
    expect(submitButton(wrapper).element.disabled).toBe(false);
  });

  it('flags a value that is not a number on the value field, not the reason', async () => {
    const { wrapper } = mountForm([]);
    const inspections = row(wrapper, 'inspections');
    await inspections.get('[data-testid="value-input"]').setValue('三');
    expect(inspections.get('.field__error').text()).toBe('请输入数字');
    expect(inspections.get('[data-testid="value-input"]').attributes('aria-invalid')).toBe('true');
    expect(submitButton(wrapper).element.disabled).toBe(true);
  });

  it('submits the typed values and shows what the server stored', async () => {
    const { wrapper, sent } = mountForm([
      {
        ok: true,
        report: {
          replayed: false,
          unchanged: false,
          report: {
            id: 'r1',
            state: 'SUBMITTED',
            version: 1,
            revision: 1,
            late: true,
            submittedAt: null,
            returnReason: null,
          },
          revision: { id: 'v1', revision: 1, submittedAt: '2024-04-20T00:00:00Z', late: true },
        },
      },
    ]);
    await row(wrapper, 'inspections').get('[data-testid="value-input"]').setValue('6');
    await row(wrapper, 'inspections').get('[data-testid="reason-input"]').setValue('补录两次视察');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.values[0]).toEqual({ metricKey: 'inspections', reportedValue: 6, overrideReason: '补录两次视察' });
    expect(wrapper.get('[data-testid="quarterly-submitted"]').text()).toContain('已报送（第 1 次报送，版本 1）');
    expect(wrapper.get('[data-testid="quarterly-submitted"]').text()).toContain('逾期');
    expect(wrapper.emitted('submitted')).toHaveLength(1);
  });

  it('on CONFLICT offers to reload the latest draft', async () => {
    const { wrapper } = mountForm([
      { ok: false, error: { errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] } },
    ]);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const conflict = wrapper.get('[data-testid="quarterly-conflict"]');
    expect(conflict.attributes('role')).toBe('alert');
    expect(wrapper.emitted('submitted')).toBeUndefined();
    await conflict.get('button').trigger('click');
    expect(wrapper.emitted('reload')).toHaveLength(1);
    expect(wrapper.find('[data-testid="quarterly-conflict"]').exists()).toBe(false);
  });
});
