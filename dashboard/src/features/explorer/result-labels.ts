import type { AppLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/message-key';
import zhCN from '../../i18n/zh-CN';

/** What the explorer needs of a data dictionary entry (the DataDictionary operation's shape). */
export interface DictionaryEntryInfo {
  kind: string;
  name: string;
  valueType: string;
  labelZh?: string | null;
  labelEn?: string | null;
}

type EnumGroup = keyof typeof zhCN.enums;

/** Schema enums whose values the dashboard labels (`enums.*` in the messages), by GraphQL type name. */
const ENUM_GROUPS: Readonly<Record<string, EnumGroup>> = {
  ActivityType: 'activityType',
  DatePrecision: 'datePrecision',
  DeputyLevel: 'deputyLevel',
  DeputyStatus: 'deputyStatus',
  ElectionKind: 'electionKind',
  FigurePeriodKind: 'periodKind',
  FigureQualifier: 'figureQualifier',
  Gender: 'gender',
  OccupationCategory: 'occupation',
  OutcomeClass: 'outcomeClass',
  PartyAffiliation: 'partyAffiliation',
  Provenance: 'provenance',
  ReportState: 'reportState',
  Satisfaction: 'satisfaction',
  StationKind: 'stationKind',
  SuggestionKind: 'suggestionKind',
  SuggestionState: 'suggestionState',
  UnknownReason: 'unknownReason',
  VoterContactKind: 'voterContactKind',
};

export interface ResultLabels {
  /** A column's header: each segment of "township.name" by its label, "乡镇·名称" */
  column(column: string): string;
  /** The message key of an enum value in this column, or null (not an enum the dashboard labels) */
  enumKey(column: string, value: string): MessageKey | null;
  /** A metric key's name ("inspections" → "视察次数"), or null */
  metric(key: string): string | null;
}

/**
 * Labels for the explorer's result table from the data dictionary: columns by their fields' labels
 * (a field means the same on every type, as the dictionary labels it), enum values by the dashboard's
 * enum labels, metric keys by the catalog's names. Whatever the dictionary does not know keeps its name.
 */
export function resultLabels(entries: readonly DictionaryEntryInfo[], locale: AppLocale): ResultLabels {
  const label = (e: DictionaryEntryInfo) => (locale === 'zh-CN' ? e.labelZh : e.labelEn) ?? null;
  const fields = new Map<string, string>();
  const valueTypes = new Map<string, Set<string>>();
  const metrics = new Map<string, string>();
  for (const entry of entries) {
    const text = label(entry);
    if (entry.kind === 'METRIC') {
      if (text) metrics.set(entry.name, text);
      continue;
    }
    const field = entry.name.slice(entry.name.indexOf('.') + 1);
    if (text && !fields.has(field)) fields.set(field, text);
    valueTypes.set(field, (valueTypes.get(field) ?? new Set()).add(entry.valueType));
  }
  const lastField = (column: string) => column.slice(column.lastIndexOf('.') + 1);
  return {
    column: (column) =>
      column
        .split('.')
        .map((segment) => fields.get(segment) ?? segment)
        .join('·'),
    enumKey(column, value) {
      for (const type of valueTypes.get(lastField(column)) ?? []) {
        const group = ENUM_GROUPS[type];
        if (group && Object.hasOwn(zhCN.enums[group], value)) return `enums.${group}.${value}` as MessageKey;
      }
      return null;
    },
    metric: (key) => metrics.get(key) ?? null,
  };
}

/** Keys and years are numbers no one charts: the chart opens on the first other numeric column. */
const NOT_A_MEASURE = /(^|\.)(id|\w*Id|year|\w*Year|quarter|version|revision|code)$/;

export function defaultValueColumn(numeric: readonly string[]): string {
  return numeric.find((column) => !NOT_A_MEASURE.test(column)) ?? numeric[0] ?? '';
}
