import { badInput, defineError } from '../../common/errors/define-error.js';

/**
 * Problems of an uploaded file. Most are reported cell by cell in the preview (sheet, row, column); the
 * field path names the GraphQL argument only for refusals of the request itself.
 */
const CONTENT: ['input', 'contentBase64'] = ['input', 'contentBase64'];
const cell = (zh: string, en: string) => badInput(CONTENT, zh, en);

export const dataImportErrors = {
  fileUnreadable: defineError('IMPORT_FILE_UNREADABLE', (what: 'xlsx' | 'csv') =>
    what === 'xlsx'
      ? cell('无法读取该 Excel 文件（须为 .xlsx）', 'The Excel file cannot be read (it must be .xlsx)')
      : cell('无法读取该 CSV 文件', 'The CSV file cannot be read'),
  ),
  noKnownSheet: defineError('IMPORT_NO_KNOWN_SHEET', (names: string[]) =>
    cell(
      `文件中没有可导入的工作表（工作表名称须为：${names.join('、')}）`,
      `The file has no sheet to import (sheet names must be: ${names.join(', ')})`,
    ),
  ),
  csvKindUnknown: defineError('IMPORT_CSV_KIND_UNKNOWN', (names: string[]) =>
    cell(
      `无法判断该 CSV 属于哪张表：请使用模板的表头，或以表名命名文件（${names.join('、')}）`,
      `Cannot tell which sheet this CSV holds: use the template’s headers, or name the file after the sheet (${names.join(', ')})`,
    ),
  ),
  tooManyRows: defineError('IMPORT_TOO_MANY_ROWS', (max: number, found: number) => ({
    ...cell(`一次最多导入 ${max} 行，该文件有 ${found} 行`, `At most ${max} rows per import; the file has ${found}`),
    details: { max, found },
  })),
  notBase64: defineError('IMPORT_CONTENT_NOT_BASE64', () =>
    cell('文件内容须为 base64 编码', 'The file content must be base64-encoded'),
  ),
  columnMissing: defineError('IMPORT_COLUMN_MISSING', (header: string) =>
    cell(`缺少必填列“${header}”`, `Required column “${header}” is missing`),
  ),
  cellRequired: defineError('IMPORT_CELL_REQUIRED', (header: string) =>
    cell(`“${header}”为必填项`, `“${header}” is required`),
  ),
  notInteger: defineError('IMPORT_NOT_INTEGER', (header: string, value: string) =>
    cell(`“${header}”须为整数：${value}`, `“${header}” must be a whole number: ${value}`),
  ),
  notNumber: defineError('IMPORT_NOT_NUMBER', (header: string, value: string) =>
    cell(`“${header}”须为数字：${value}`, `“${header}” must be a number: ${value}`),
  ),
  invalidDate: defineError('IMPORT_INVALID_DATE', (header: string, value: string) =>
    cell(
      `“${header}”不是有效日期（如 2026-03-12）：${value}`,
      `“${header}” is not a valid date (e.g. 2026-03-12): ${value}`,
    ),
  ),
  notYesNo: defineError('IMPORT_NOT_YES_NO', (header: string, value: string) =>
    cell(`“${header}”须为“是”或“否”：${value}`, `“${header}” must be 是 (yes) or 否 (no): ${value}`),
  ),
  unknownLabel: defineError('IMPORT_UNKNOWN_LABEL', (header: string, value: string, allowed: string[]) => ({
    ...cell(
      `“${header}”无此选项：${value}（可选：${allowed.join('、')}）`,
      `“${header}” has no option ${value} (options: ${allowed.join(', ')})`,
    ),
    details: { allowed },
  })),
  outOfRange: defineError(
    'IMPORT_VALUE_OUT_OF_RANGE',
    (header: string, value: string, min: number, max: number | null) => ({
      ...cell(
        max === null ? `“${header}”不能小于 ${min}：${value}` : `“${header}”须在 ${min} 至 ${max} 之间：${value}`,
        max === null
          ? `“${header}” cannot be below ${min}: ${value}`
          : `“${header}” must lie between ${min} and ${max}: ${value}`,
      ),
      details: { min, max },
    }),
  ),
  invalidText: defineError('IMPORT_INVALID_TEXT', (header: string, detail: string) =>
    cell(`“${header}”不符合要求（${detail}）`, `“${header}” is not acceptable (${detail})`),
  ),
  unknownTerm: defineError('IMPORT_UNKNOWN_TERM', (name: string) =>
    cell(`本乡镇没有届次“${name}”`, `The township has no term named “${name}”`),
  ),
  unknownGroup: defineError('IMPORT_UNKNOWN_GROUP', (name: string) =>
    cell(`未知的代表小组：${name}`, `Unknown deputy group: ${name}`),
  ),
  unknownStation: defineError('IMPORT_UNKNOWN_STATION', (name: string) =>
    cell(`未知的代表联络站：${name}`, `Unknown station: ${name}`),
  ),
  unknownDeputy: defineError('IMPORT_UNKNOWN_DEPUTY', (name: string) =>
    cell(`未知的代表：${name}`, `Unknown deputy: ${name}`),
  ),
  ambiguousDeputy: defineError('IMPORT_AMBIGUOUS_DEPUTY', (name: string, on: string) =>
    cell(
      `有多位名为“${name}”的代表在 ${on} 任职，无法确定是哪一位`,
      `Several deputies named “${name}” served on ${on}; cannot tell which`,
    ),
  ),
  duplicateRow: defineError(
    'IMPORT_DUPLICATE_ROW',
    (what: { zh: string; en: string }, key: string, firstRow: number) => ({
      ...cell(
        `重复的${what.zh}：${key}（与第 ${firstRow} 行相同）`,
        `Duplicate ${what.en}: ${key} (same as row ${firstRow})`,
      ),
      details: { firstRow },
    }),
  ),
  dateOutsideTerm: defineError(
    'IMPORT_DATE_OUTSIDE_TERM',
    (date: string, term: string, from: string | null, to: string | null) =>
      cell(
        `日期 ${date} 不在届次“${term}”的起止日期（${from ?? '…'} 至 ${to ?? '…'}）之内`,
        `The date ${date} lies outside term “${term}” (${from ?? '…'} to ${to ?? '…'})`,
      ),
  ),
  unknownMetric: defineError('IMPORT_UNKNOWN_METRIC', (key: string) =>
    cell(`指标目录中没有指标代码“${key}”`, `The metric catalog has no key “${key}”`),
  ),
  reportAccepted: defineError('IMPORT_REPORT_ALREADY_ACCEPTED', (year: number, quarter: number) =>
    cell(
      `${year} 年第 ${quarter} 季度报表已被县人大常委会接收，请在报表页面更正`,
      `The report of ${year} Q${quarter} was already accepted by the county; correct it on the report page`,
    ),
  ),
  hasProblems: defineError('IMPORT_HAS_PROBLEMS', (count: number, problems: unknown[]) => ({
    ...cell(`文件有 ${count} 处问题，未导入任何数据`, `The file has ${count} problem(s); nothing was imported`),
    details: { count, problems },
  })),
};
