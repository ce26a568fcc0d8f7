import type { DutyKind } from '../../graphql/generated/schema-enums';

export interface DraftRule {
  duty: DutyKind;
  /** Empty: the duty scores nothing and is left out of the saved scheme. */
  points: string;
  cap: string;
}

/** One editable line per duty, filled from the latest version (or empty). */
export function draftRules(
  duties: readonly DutyKind[],
  saved: readonly { duty: DutyKind; points: number; cap: number | null }[],
): DraftRule[] {
  return duties.map((duty) => {
    const rule = saved.find((r) => r.duty === duty);
    return { duty, points: rule ? String(rule.points) : '', cap: rule?.cap != null ? String(rule.cap) : '' };
  });
}

/** The rules to save: lines with points, numbers parsed; the server checks ranges and answers per field. */
export function rulesToSave(draft: readonly DraftRule[]): { duty: DutyKind; points: number; cap: number | null }[] {
  return draft
    .filter((rule) => rule.points.trim() !== '')
    .map((rule) => ({
      duty: rule.duty,
      points: Number(rule.points),
      cap: rule.cap.trim() === '' ? null : Number(rule.cap),
    }));
}
