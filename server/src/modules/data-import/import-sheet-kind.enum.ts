import { registerEnumType } from 'type-graphql';

/** The kinds of sheet a workbook may carry, in the order an import writes them (a row names only earlier kinds). */
export enum ImportSheetKind {
  DEPUTY_GROUPS = 'DEPUTY_GROUPS',
  STATIONS = 'STATIONS',
  DEPUTIES = 'DEPUTIES',
  ACTIVITIES = 'ACTIVITIES',
  VOTER_CONTACTS = 'VOTER_CONTACTS',
  SUGGESTIONS = 'SUGGESTIONS',
  QUARTERLY_FIGURES = 'QUARTERLY_FIGURES',
}

registerEnumType(ImportSheetKind, {
  name: 'ImportSheetKind',
  description: '导入表：代表小组、联络站、代表名册、代表活动、群众来访来信、代表建议、季度数据',
});
