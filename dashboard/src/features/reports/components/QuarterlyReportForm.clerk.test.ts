/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { flushPromises, mount } from '@vue/test-utils';
import type { QuarterlyReportDraftQuery } from '../../../graphql/generated/operations';
import { i18n } from '../../../i18n/index';
import type { SubmitAnswer, SubmitInput } from '../use-quarterly-report-form';
import QuarterlyReportForm from './QuarterlyReportForm.vue';

type Draft = QuarterlyReportDraftQuery['quarterlyReportDraft'];
type DraftValue = Draft['values'][number];

const value = (metricKey: string, group: DraftValue['group'], over: Partial<DraftValue> = {}): DraftValue => ({
  metricKey,
  nameZh: metricKey,
  nameEn: metricKey,
  unit: '次',
  kind: 'COUNT',
  group,
  recordedValue: 4,
  reportedValue: 4,
  overrideReason: null,
  numerator: null,
  denominator: null,
  derivationZh: '按记录统计',
  derivationEn: 'Counted from records',
  ...over,
});
const submittedReport = (version: number, state: 'SUBMITTED' | 'ACCEPTED' | 'RETURNED' = 'SUBMITTED') => ({
  id: 'r1',
  state,
  late: false,
  version,
  revision: version,
  returnReason: null,
  reviewedAt: null,
  submittedAt: '2024-04-02T00:00:00Z',
});
const draftOf = (over: Partial<Draft> = {}): Draft => ({
  year: 2024,
  quarter: 1,
  periodStart: '2024-01-01',
  periodEnd: '2024-03-31',
  deadline: '2024-04-15T16:00:00Z',
  version: 0,
  electionHeld: true,
  report: null,
  values: [
    value('inspections', 'SUPERVISION'),
    value('registered_voters', 'ELECTIONS', { recordedValue: null, reportedValue: null }),
    value('study_sessions', 'DEPUTY_ACTIVITIES'),
    value('voter_contacts', 'VOTER_CONTACT', { recordedValue: null, reportedValue: null }),
  ],
  ...over,
});

function mountForm(draft: Draft, answers: SubmitAnswer[] = []) {
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
type Wrapper = ReturnType<typeof mountForm>['wrapper'];
const input = (w: Wrapper, metric: string, field = 'value-input') =>
  w.get<HTMLInputElement>(`tr[data-metric="${metric}"] [data-testid="${field}"]`);
const button = (w: Wrapper) => w.get<HTMLButtonElement>('[data-testid="quarterly-submit"]');
/** The button is disabled and says why, through aria-describedby. */
const why = (w: Wrapper) => {
  expect(button(w).element.disabled).toBe(true);
  const id = button(w).attributes('aria-describedby');
  expect(id).toBe('submit-blocked');
  return w.get(`#${id}`).text();
};

describe('QuarterlyReportForm: sections', () => {
  it('shows the catalog sections in order, each under its heading', () => {
    const { wrapper } = mountForm(draftOf());
    const sections = wrapper.findAll('[data-testid="form-section"]');
    expect(sections.map((s) => s.attributes('data-group'))).toEqual([
      'SUPERVISION',
      'DEPUTY_ACTIVITIES',
      'VOTER_CONTACT',
      'ELECTIONS',
    ]);
    expect(sections.map((s) => s.get('th[scope="rowgroup"]').text())).toEqual([
      '监督工作',
      '代表活动',
      '联系选民',
      '选举',
    ]);
    expect(sections[3]!.find('tr[data-metric="registered_voters"]').exists()).toBe(true);
  });

  it('says when the election records cannot tell whether the quarter had an election', () => {
    const { wrapper } = mountForm(draftOf({ electionHeld: null }));
    expect(wrapper.get('[data-group="ELECTIONS"] th').text()).toContain('选举记录不能确定');
    const held = mountForm(draftOf({ electionHeld: true })).wrapper;
    expect(held.get('[data-group="ELECTIONS"] th').text()).not.toContain('不能确定');
  });
});

describe('QuarterlyReportForm: why the submit button is disabled', () => {
  it('names the errors to fix', async () => {
    const { wrapper } = mountForm(draftOf());
    await input(wrapper, 'inspections').setValue('x');
    await input(wrapper, 'study_sessions').setValue('9');
    expect(why(wrapper)).toBe('还有 2 处错误需要修改');
  });

  it('says a quarter not over yet opens the day after it ends', () => {
    const { wrapper } = mountForm(draftOf({ year: 2999, periodStart: '2999-10-01', periodEnd: '2999-12-31' }));
    expect(why(wrapper)).toBe('本季度尚未结束，3000-01-01 起可报送');
  });

  it('says there are no changes to a submitted report until a value changes', async () => {
    const { wrapper } = mountForm(draftOf({ version: 1, report: submittedReport(1) }));
    expect(why(wrapper)).toBe('数值与已报送的相同，没有需要报送的改动');
    await input(wrapper, 'voter_contacts').setValue('12');
    expect(button(wrapper).element.disabled).toBe(false);
    expect(button(wrapper).attributes('aria-describedby')).toBeUndefined();
  });

  it('lets a returned report be resubmitted as it is, and asks a correction reason of an accepted one', async () => {
    expect(
      button(mountForm(draftOf({ version: 2, report: submittedReport(2, 'RETURNED') })).wrapper).element.disabled,
    ).toBe(false);
    const { wrapper } = mountForm(draftOf({ version: 2, report: submittedReport(2, 'ACCEPTED') }));
    expect(why(wrapper)).toBe('报表已被接收：填写更正理由后才能重新报送');
    await wrapper.get('textarea').setValue('补录');
    expect(why(wrapper)).toBe('数值与已报送的相同，没有需要报送的改动');
  });

  it('says when the server found the values already stored', async () => {
    const { wrapper } = mountForm(draftOf({ version: 1, report: submittedReport(1) }), [
      {
        ok: true,
        report: {
          replayed: false,
          unchanged: true,
          report: {
            id: 'r1',
            state: 'SUBMITTED',
            version: 2,
            revision: 2,
            late: false,
            submittedAt: null,
            returnReason: null,
          },
          revision: { id: 'v2', revision: 2, submittedAt: '2024-04-03T00:00:00Z', late: false },
        },
      },
    ]);
    await input(wrapper, 'voter_contacts').setValue('12');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="quarterly-unchanged"]').text()).toBe(
      '报送的数值与已保存的第 2 次报送（版本 2）完全相同，未新增报送。',
    );
    expect(wrapper.find('[data-testid="quarterly-submitted"]').exists()).toBe(false);
  });
});

describe('QuarterlyReportForm: merging after a conflict', () => {
  it('keeps the clerk’s values through the reload and shows the newer stored value beside each one both changed', async () => {
    const first = draftOf({ version: 1, report: submittedReport(1) });
    const { wrapper, sent } = mountForm(first, [
      { ok: false, error: { errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] } },
    ]);
    await input(wrapper, 'inspections').setValue('6');
    await input(wrapper, 'inspections', 'reason-input').setValue('补录两次');
    await input(wrapper, 'voter_contacts').setValue('30');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="quarterly-conflict"]').text()).toContain('您填写的数值已保留');

    // Someone else stored version 2: inspections 5 (with a reason) and study_sessions 7; voter_contacts untouched.
    await wrapper.get('[data-testid="quarterly-conflict"] button').trigger('click');
    await wrapper.setProps({
      draft: draftOf({
        version: 2,
        report: submittedReport(2),
        values: [
          value('inspections', 'SUPERVISION', { reportedValue: 5, overrideReason: '台账为准' }),
          value('registered_voters', 'ELECTIONS', { recordedValue: null, reportedValue: null }),
          value('study_sessions', 'DEPUTY_ACTIVITIES', { reportedValue: 7, overrideReason: '补录' }),
          value('voter_contacts', 'VOTER_CONTACT', { recordedValue: null, reportedValue: null }),
        ],
      }),
    });
    // Mine where only I changed, theirs where only they changed, both shown where both changed.
    expect(input(wrapper, 'inspections').element.value).toBe('6');
    expect(input(wrapper, 'voter_contacts').element.value).toBe('30');
    expect(input(wrapper, 'study_sessions').element.value).toBe('7');
    const merge = wrapper.findAll('[data-testid="merge-row"]');
    expect(merge).toHaveLength(1);
    expect(merge[0]!.text()).toContain('您的数值：6');
    expect(merge[0]!.text()).toContain('已保存：5');
    expect(merge[0]!.text()).toContain('台账为准');
    expect(wrapper.get('[data-testid="merge-notice"]').text()).toContain('1 项指标双方都改动过');

    await wrapper.get('[data-testid="merge-theirs"]').trigger('click');
    expect(input(wrapper, 'inspections').element.value).toBe('5');
    expect(input(wrapper, 'inspections', 'reason-input').element.value).toBe('台账为准');
    expect(wrapper.get('[data-testid="merge-theirs"]').attributes('aria-pressed')).toBe('true');
    await wrapper.get('[data-testid="merge-mine"]').trigger('click');
    expect(input(wrapper, 'inspections').element.value).toBe('6');

    await wrapper.get('[data-testid="merge-done"]').trigger('click');
    expect(wrapper.find('[data-testid="merge-row"]').exists()).toBe(false);
    expect(input(wrapper, 'inspections').element.value).toBe('6');
    expect(sent[0]!.expectedVersion).toBe(1);
  });
});
