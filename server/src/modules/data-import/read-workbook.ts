import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text.js';
import { IMPORT_SHEETS, type ImportSheet } from './import-columns.js';
import type { ImportProblemCollector } from './import-problems.js';
import { dataImportErrors } from './data-import.errors.js';

/** One data row of a sheet: its row number as the spreadsheet shows it, and its cells as text by column key. */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
}

export interface RawSheet {
  sheet: ImportSheet;
  rows: RawRow[];
}

const SHEET_NAMES = IMPORT_SHEETS.map((sheet) => sheet.name);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The sheets of an uploaded file, .xlsx (by its content, whatever its name) or CSV (one sheet). */
export async function readUpload(
  fileName: string,
  bytes: Uint8Array,
  problems: ImportProblemCollector,
): Promise<RawSheet[]> {
  if (ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return readXlsx(bytes, problems);
  return readCsv(fileName, bytes, problems);
}

async function readXlsx(bytes: Uint8Array, problems: ImportProblemCollector): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    problems.file(dataImportErrors.fileUnreadable('xlsx'));
    return [];
  }
  const sheets: RawSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const sheet = IMPORT_SHEETS.find((candidate) => candidate.name === worksheet.name.trim());
    // The notes sheet and any sheet of the clerk's own are left alone.
    if (!sheet) continue;
    const table: { row: number; values: string[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cellText(cell.value);
      });
      table.push({ row: rowNumber, values: Array.from(values, (value) => value ?? '') });
    });
    const read = toRows(sheet, table, problems);
    if (read) sheets.push(read);
  }
  if (sheets.length === 0) {
    problems.file(dataImportErrors.noKnownSheet(SHEET_NAMES));
  }
  return sheets;
}

function readCsv(fileName: string, bytes: Uint8Array, problems: ImportProblemCollector): RawSheet[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it started (a quoted cell may span lines).
    records = parse(decodeText(bytes), {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch {
    problems.file(dataImportErrors.fileUnreadable('csv'));
    return [];
  }
  const table = records.map(({ record, info }) => ({ row: info.lines, values: record }));
  const headers = (table[0]?.values ?? []).map(headerText);
  const base = fileName.replace(/\.[^.]*$/, '').trim();
  // The file's name picks the sheet when it is one; otherwise the sheet whose headers the file carries.
  const sheet =
    IMPORT_SHEETS.find((candidate) => candidate.name === base) ??
    IMPORT_SHEETS.find((candidate) =>
      candidate.columns.every((column) => !column.required || headers.includes(column.header)),
    );
  if (!sheet) {
    problems.file(dataImportErrors.csvKindUnknown(SHEET_NAMES));
    return [];
  }
  const read = toRows(sheet, table, problems);
  return read ? [read] : [];
}

function toRows(
  sheet: ImportSheet,
  table: { row: number; values: string[] }[],
  problems: ImportProblemCollector,
): RawSheet | null {
  const [head, ...body] = table;
  const headers = (head?.values ?? []).map(headerText);
  const positions = new Map<string, number>();
  headers.forEach((header, index) => {
    const column = sheet.columns.find((candidate) => candidate.header === header);
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = sheet.columns.filter((column) => column.required && !positions.has(column.key));
  for (const column of missing) {
    problems.add(sheet, head?.row ?? 1, column, dataImportErrors.columnMissing(column.header));
  }
  if (missing.length > 0) return null;
  const rows: RawRow[] = [];
  for (const { row, values } of body) {
    const cells: Record<string, string> = {};
    for (const column of sheet.columns) {
      const index = positions.get(column.key);
      cells[column.key] = index === undefined ? '' : (values[index] ?? '').trim();
    }
    if (Object.values(cells).every((value) => value === '')) continue;
    if (isExampleRow(sheet, cells)) continue;
    rows.push({ row, cells });
  }
  return { sheet, rows };
}

/** The template's example row, left in by the clerk, is not data. */
function isExampleRow(sheet: ImportSheet, cells: Record<string, string>): boolean {
  return sheet.columns.every((column) => cells[column.key] === column.example);
}

function headerText(value: string): string {
  return value
    .replace(/^\uFEFF/, '')
    .replace(/[*＊]/g, '')
    .trim();
}

/** A cell as text: dates as YYYY-MM-DD, numbers as written, rich text and formulas by what they show. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
