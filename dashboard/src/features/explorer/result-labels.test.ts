import { describe, expect, it } from '@jest/globals';
import { defaultValueColumn, resultLabels, type DictionaryEntryInfo } from './result-labels';

const entries: DictionaryEntryInfo[] = [
  { kind: 'METRIC', name: 'inspections', valueType: '次', labelZh: '视察次数', labelEn: 'Inspections' },
  { kind: 'FIELD', name: 'Township.name', valueType: 'String', labelZh: '名称', labelEn: 'Name' },
  { kind: 'FIELD', name: 'Activity.township', valueType: 'Township', labelZh: '乡镇', labelEn: 'Township' },
  { kind: 'FIELD', name: 'Activity.type', valueType: 'ActivityType', labelZh: '活动类型', labelEn: 'Type' },
  { kind: 'FIELD', name: 'Station.kind', valueType: 'StationKind', labelZh: '类型', labelEn: 'Kind' },
  { kind: 'FIELD', name: 'Suggestion.kind', valueType: 'SuggestionKind', labelZh: '类型', labelEn: 'Kind' },
  { kind: 'FIELD', name: 'PeriodFigure.metricKey', valueType: 'String', labelZh: '指标', labelEn: 'Metric' },
  { kind: 'FIELD', name: 'Deputy.party', valueType: 'PartyAffiliation', labelZh: '政治面貌', labelEn: 'Party' },
  {
    kind: 'FIELD',
    name: 'PeriodFigure.qualifier',
    valueType: 'FigureQualifier',
    labelZh: '限定',
    labelEn: 'Qualifier',
  },
];

describe('resultLabels', () => {
  it('labels columns segment by segment from the dictionary, unknown segments kept', () => {
    const zh = resultLabels(entries, 'zh-CN');
    expect(zh.column('township.name')).toBe('乡镇·名称');
    expect(zh.column('totalCount')).toBe('totalCount');
    expect(resultLabels(entries, 'en').column('township.name')).toBe('Township·Name');
  });

  it('finds the enum of a column among the types that have the field', () => {
    const zh = resultLabels(entries, 'zh-CN');
    expect(zh.enumKey('nodes.type', 'INSPECTION')).toBe('enums.activityType.INSPECTION');
    expect(zh.enumKey('kind', 'MOTION')).toBe('enums.suggestionKind.MOTION');
    expect(zh.enumKey('name', 'INSPECTION')).toBeNull();
    expect(zh.enumKey('type', 'NOT_A_VALUE')).toBeNull();
    // every schema enum the explorer can return has its labels (party, a figure's qualifier, …)
    expect(zh.enumKey('party', 'CPC')).toBe('enums.partyAffiliation.CPC');
    expect(zh.enumKey('qualifier', 'AT_LEAST')).toBe('enums.figureQualifier.AT_LEAST');
  });

  it('names metric keys by the catalog', () => {
    expect(resultLabels(entries, 'zh-CN').metric('inspections')).toBe('视察次数');
    expect(resultLabels(entries, 'en').metric('inspections')).toBe('Inspections');
    expect(resultLabels(entries, 'zh-CN').metric('nope')).toBeNull();
  });
});

describe('defaultValueColumn', () => {
  it('skips keys and years for the first measure', () => {
    expect(defaultValueColumn(['id', 'year', 'township.countyId', 'quarter', 'value', 'deputies'])).toBe('value');
    expect(defaultValueColumn(['birthYear', 'registeredVoters'])).toBe('registeredVoters');
    expect(defaultValueColumn(['year'])).toBe('year');
    expect(defaultValueColumn([])).toBe('');
  });
});
