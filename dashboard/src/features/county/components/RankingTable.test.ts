/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { FigureQualifier, MetricKind, Provenance, UnknownReason } from '../../../graphql/generated/schema-enums';
import { i18n } from '../../../i18n/index';
import { rankingRows, type ComparisonCellInfo, type ComparedMetricInfo } from '../county-comparison';
import RankingTable from './RankingTable.vue';

const metric: ComparedMetricInfo = {
  key: 'inspections',
  nameZh: '视察',
  nameEn: 'Inspections',
  unit: '次',
  kind: MetricKind.Count,
};
const townships = [
  { id: 't1', code: 'A', name: '甲镇', deputies: 30 },
  { id: 't2', code: 'B', name: '乙镇', deputies: 25 },
  { id: 't3', code: 'C', name: '丙镇', deputies: 40 },
];
const cell = (
  townshipId: string,
  value: number | null,
  rank: number | null,
  over: Partial<ComparisonCellInfo> = {},
): ComparisonCellInfo => ({
  townshipId,
  periodIndex: 0,
  metricKey: metric.key,
  value,
  rawValue: value,
  numerator: null,
  denominator: null,
  provenance: Provenance.Recorded,
  qualifier: FigureQualifier.Exact,
  rank,
  smallSample: false,
  ...over,
});

function mountTable(cells: ComparisonCellInfo[]) {
  return mount(RankingTable, {
    props: { rows: rankingRows({ townships, cells }, metric.key, 0), metric, perDeputy: false },
    global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } },
  });
}

const names = (wrapper: ReturnType<typeof mountTable>) =>
  wrapper.findAll('tbody tr').map((row) => row.attributes('data-township'));

describe('RankingTable', () => {
  it('lists the townships by rank, an unknown value last, shown as 未知 and never as 0', () => {
    const wrapper = mountTable([
      cell('t1', 3, 2),
      cell('t2', null, null, { unknownReason: UnknownReason.NotSubmitted }),
      cell('t3', 7, 1),
    ]);
    expect(names(wrapper)).toEqual(['丙镇', '甲镇', '乙镇']);
    const unknownRow = wrapper.get('tr[data-township="乙镇"]');
    expect(unknownRow.get('[data-testid="rank"]').text()).toContain('—');
    const value = unknownRow.get('[data-testid="value"]').text();
    expect(value).toContain('未知');
    expect(value).toContain('未报送');
    expect(value).not.toMatch(/\b0\b/);
    expect(wrapper.get('tr[data-township="丙镇"] [data-testid="value"]').text()).toContain('7');
  });

  it('reorders by value when its header is clicked, highest first, unknown still last', async () => {
    const wrapper = mountTable([cell('t1', 3, 2), cell('t2', null, null), cell('t3', 7, 1)]);
    await wrapper.get('[data-testid="sort-value"]').trigger('click');
    expect(names(wrapper)).toEqual(['丙镇', '甲镇', '乙镇']);
    expect(wrapper.get('[data-testid="sort-value"]').element.closest('th')?.getAttribute('aria-sort')).toBe(
      'descending',
    );
    await wrapper.get('[data-testid="sort-value"]').trigger('click');
    expect(names(wrapper)).toEqual(['甲镇', '丙镇', '乙镇']);
  });

  it('marks a synthetic value 模拟, and every rank 排名含模拟 when any ranked value is generated', () => {
    const wrapper = mountTable([
      cell('t1', 3, 2),
      cell('t2', 5, null, { provenance: Provenance.Synthetic, rank: 2 }),
      cell('t3', 7, 1),
    ]);
    const synthetic = wrapper.get('tr[data-township="乙镇"] [data-testid="value"]');
    expect(synthetic.find('[data-mark="synthetic"]').exists()).toBe(true);
    expect(synthetic.text()).toContain('模拟');
    expect(wrapper.get('tr[data-township="甲镇"] [data-testid="value"]').find('[data-mark="synthetic"]').exists()).toBe(
      false,
    );
    for (const row of wrapper.findAll('tbody tr')) {
      expect(row.get('[data-testid="rank"]').find('[data-mark="rank-synthetic"]').exists()).toBe(true);
    }
  });

  it('marks no rank when every ranked value is reported or recorded', () => {
    const wrapper = mountTable([cell('t1', 3, 2), cell('t3', 7, 1)]);
    expect(wrapper.find('[data-mark="rank-synthetic"]').exists()).toBe(false);
    expect(wrapper.find('[data-mark="synthetic"]').exists()).toBe(false);
  });
});
