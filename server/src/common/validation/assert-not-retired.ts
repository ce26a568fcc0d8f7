import { badInputError } from '../errors/bad-input-error.js';

/**
 * A dissolved group or closed station keeps its history but takes nothing new after it closed: with a
 * date, nothing dated later; without one (assigning a deputy now), nothing at all.
 */
export function assertNotRetired(
  row: { name: string; retiredOn: string | null },
  on: string | null,
  field: readonly (string | number)[],
  label: { zh: string; en: string },
): void {
  if (row.retiredOn === null || (on !== null && on <= row.retiredOn)) return;
  throw badInputError(
    field,
    `${label.zh}“${row.name}”已于 ${row.retiredOn} 撤销`,
    `The ${label.en} "${row.name}" was retired on ${row.retiredOn}`,
  );
}
