import ExcelJS from 'exceljs';
import { IMPORT_SHEETS, type ImportSheet } from './import-columns.js';
import type { ImportSheetKind } from './import-sheet-kind.enum.js';

/** Rows of a sheet as the cells show them (enum labels in Chinese, dates YYYY-MM-DD), by column key. */
export type SheetRows = Map<ImportSheetKind, Record<string, string>[]>;

/** Rows a drop-down list covers: far beyond any township's register. */
const VALIDATED_ROWS = 20_000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The workbook of the templates and of an export: a sheet per kind with Chinese headers, drop-down
 * lists of the enumerations' labels, and a notes sheet. A template carries each sheet's example row
 * (which the reader skips when left unchanged); an export carries the township's rows instead.
 */
export async function writeWorkbook(rows: SheetRows | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Renda';
  for (const sheet of IMPORT_SHEETS) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: Math.max(10, column.header.length * 2 + 4),
      style: column.type === 'text' || column.type === 'names' ? { numFmt: '@' } : {},
    }));
    const head = worksheet.getRow(1);
    head.font = { bold: true };
    sheet.columns.forEach((column, index) => {
      const cell = head.getCell(index + 1);
      if (column.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
      if (column.note) cell.note = column.note;
    });
    const data = rows ? (rows.get(sheet.kind) ?? []) : [exampleOf(sheet)];
    for (const row of data) worksheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      if (column.type !== 'enum' || !column.labels) return;
      const letter = worksheet.getColumn(index + 1).letter;
      (worksheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${Object.values(column.labels).join(',')}"`],
        showErrorMessage: true,
        errorTitle: column.header,
        error: `请从下拉列表中选择：${Object.values(column.labels).join('、')}`,
      });
    });
  }
  addNotes(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet as CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese), RFC 4180 quoting. */
export function writeCsv(sheet: ImportSheet, rows: Record<string, string>[] | null): Buffer {
  const lines = [
    sheet.columns.map((column) => column.header),
    ...(rows ?? [exampleOf(sheet)]).map((row) => sheet.columns.map((column) => row[column.key] ?? '')),
  ];
  const text = lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function exampleOf(sheet: ImportSheet): Record<string, string> {
  return Object.fromEntries(sheet.columns.map((column) => [column.key, column.example]));
}

function addNotes(workbook: ExcelJS.Workbook): void {
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '工作表', key: 'sheet', width: 16 },
    { header: '列', key: 'column', width: 22 },
    { header: '必填', key: 'required', width: 6 },
    { header: '说明', key: 'note', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  const general = [
    '每张工作表的第一行为表头，请勿修改表头；可以删除不需要的工作表。红色表头为必填列。',
    '第二行为示例：原样保留时导入会跳过它，填写前请改写或删除。',
    '日期写作 2026-03-12（也可 2026/3/12、2026年3月12日）；选项列请从下拉列表中选择。',
    '导入时按以下顺序写入：代表小组、代表联络站、代表名册、代表活动、群众来访来信、代表建议、季度数据；后面的表可以引用前面的表或系统中已有的名称。',
    '重复导入同一文件不会产生重复数据：已存在的记录（按各表的“识别依据”）保持不变，不会被覆盖。',
    '先预览：所有问题按工作表、行、列列出；全部改正后才能导入，导入要么全部成功，要么什么也不写入。',
  ];
  for (const line of general) notes.addRow({ sheet: '总则', note: line });
  for (const sheet of IMPORT_SHEETS) {
    notes.addRow({ sheet: sheet.name, column: '识别依据', note: sheet.keyNote });
    for (const column of sheet.columns) {
      const options = column.labels ? `可选：${Object.values(column.labels).join('、')}` : '';
      notes.addRow({
        sheet: sheet.name,
        column: column.header,
        required: column.required ? '是' : '',
        note: [column.note, options].filter(Boolean).join('；'),
      });
    }
  }
}
