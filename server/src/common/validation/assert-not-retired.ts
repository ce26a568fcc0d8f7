import type { AppError, FieldPath } from '../errors/app-error.js';
import { badInput, type ErrorContent } from '../errors/define-error.js';
import type { Label } from '../errors/common.errors.js';

export interface RetirableRow {
  name: string;
  retiredOn: string | null;
}

/** The wording of a "retired" refusal, for the catalogue entry of each kind of retirable row. */
export function retiredContent(label: Label, row: RetirableRow, field: FieldPath): ErrorContent {
  return badInput(
    field,
    `${label.zh}“${row.name}”已于 ${row.retiredOn} 撤销`,
    `The ${label.en} "${row.name}" was retired on ${row.retiredOn}`,
  );
}

/**
 * A dissolved group or closed station keeps its history but takes nothing new after it closed: with a
 * date, nothing dated later; without one (assigning a deputy now), nothing at all. `retired` is the
 * row's catalogue entry (STATION_RETIRED, DEPUTY_GROUP_RETIRED).
 */
export function assertNotRetired<R extends RetirableRow>(
  row: R,
  on: string | null,
  field: FieldPath,
  retired: (row: R, field: FieldPath) => AppError,
): void {
  if (row.retiredOn === null || (on !== null && on <= row.retiredOn)) return;
  throw retired(row, field);
}
