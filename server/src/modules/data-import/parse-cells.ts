import type { AppError } from '../../common/errors/app-error.js';
import type { ImportColumn, ImportSheet } from './import-columns.js';
import type { ImportProblemCollector } from './import-problems.js';
import type { RawRow } from './read-workbook.js';
import { dataImportErrors } from './data-import.errors.js';

export type CellValue = string | number | boolean | null;
export type ParsedCells = Record<string, CellValue>;

const YES = new Set(['是', 'Y', 'y', 'yes', 'YES', 'true', 'TRUE', '1']);
const NO = new Set(['否', 'N', 'n', 'no', 'NO', 'false', 'FALSE', '0']);
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** 2026-03-12, 2026/3/12, 2026.3.12 and 2026年3月12日 are one day; anything else, or no such day, is refused. */
export function parseDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A cell's value by its column type, or the problem with it. */
export function parseCell(column: ImportColumn, text: string): CellValue | AppError {
  if (text === '') return column.required ? dataImportErrors.cellRequired(column.header) : null;
  switch (column.type) {
    case 'text':
    case 'names':
      return text;
    case 'int':
      return /^[+-]?\d{1,9}(\.0+)?$/.test(text)
        ? Math.trunc(Number(text))
        : dataImportErrors.notInteger(column.header, text);
    case 'number': {
      const number = Number(text.replace(/,/g, ''));
      return Number.isFinite(number) && /\d/.test(text) ? number : dataImportErrors.notNumber(column.header, text);
    }
    case 'date':
      return parseDate(text) ?? dataImportErrors.invalidDate(column.header, text);
    case 'bool':
      if (YES.has(text)) return true;
      if (NO.has(text)) return false;
      return dataImportErrors.notYesNo(column.header, text);
    case 'enum': {
      const labels = column.labels ?? {};
      const value = Object.keys(labels).find((key) => labels[key] === text || key === text);
      return value ?? dataImportErrors.unknownLabel(column.header, text, Object.values(labels));
    }
  }
}

/** Every cell of a row, or null after reporting each cell that does not parse. */
export function parseRow(sheet: ImportSheet, raw: RawRow, problems: ImportProblemCollector): ParsedCells | null {
  const cells: ParsedCells = {};
  let ok = true;
  for (const column of sheet.columns) {
    const value = parseCell(column, raw.cells[column.key] ?? '');
    if (value !== null && typeof value === 'object') {
      problems.add(sheet, raw.row, column, value);
      ok = false;
    } else {
      cells[column.key] = value;
    }
  }
  return ok ? cells : null;
}

/** Participants and proposers: names separated by 、，, or ；, each optionally followed by （请假）. */
export function splitNames(text: string | null): { name: string; note: string | null }[] {
  if (!text) return [];
  return text
    .split(/[、，,；;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.*?)\s*[（(]\s*([^）)]*)\s*[）)]$/.exec(part);
      return match ? { name: match[1]!.trim(), note: match[2]!.trim() } : { name: part, note: null };
    });
}
