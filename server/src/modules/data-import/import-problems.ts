import { AppError } from '../../common/errors/app-error.js';
import type { ImportColumn, ImportSheet } from './import-columns.js';
import type { ImportSheetKind } from './import-sheet-kind.enum.js';

/** One problem of an upload, where a clerk finds it: sheet, row and column header (null: the whole file or row). */
export interface ImportProblemRow {
  sheet: string | null;
  kind: ImportSheetKind | null;
  row: number | null;
  column: string | null;
  reason: string;
  messageZh: string;
  messageEn: string;
}

/** Collects every problem of a file instead of stopping at the first, so one preview lists them all. */
export class ImportProblemCollector {
  readonly problems: ImportProblemRow[] = [];

  get count(): number {
    return this.problems.length;
  }

  file(error: AppError): void {
    this.push(null, null, null, error);
  }

  add(sheet: ImportSheet, row: number, column: ImportColumn | null, error: AppError): void {
    this.push(sheet, row, column, error);
  }

  private push(sheet: ImportSheet | null, row: number | null, column: ImportColumn | null, error: AppError): void {
    this.problems.push({
      sheet: sheet?.name ?? null,
      kind: sheet?.kind ?? null,
      row,
      column: column?.header ?? null,
      reason: error.reason,
      messageZh: error.messageZh,
      messageEn: error.messageEn,
    });
  }
}
