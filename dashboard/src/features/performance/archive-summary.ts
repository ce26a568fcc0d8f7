import type { DutyKind, FigureQualifier, ArchiveUnknownReason } from '../../graphql/generated/schema-enums';

export interface CountLike {
  duty: DutyKind;
  count: number | null;
  qualifier: FigureQualifier | null;
  unknownReason: ArchiveUnknownReason | null;
  syntheticCount: number;
}

/**
 * The counts worth a line in the archive: every kind with something recorded, and one line per kind of
 * record that is unknown (未录入) rather than a row of zeros; known zeros are left out.
 */
export function visibleCounts<C extends CountLike>(counts: readonly C[]): C[] {
  return counts.filter(
    (c) => (c.count !== null && c.count > 0) || (c.count === null && isFirstUnknownOfItsKind(c, counts)),
  );
}

function isFirstUnknownOfItsKind<C extends CountLike>(count: C, counts: readonly C[]): boolean {
  const kind = (c: CountLike) => ('recordKind' in c ? (c as { recordKind: string }).recordKind : c.duty);
  return counts.find((c) => c.count === null && kind(c) === kind(count)) === count;
}

/** Sum of points; null stays null (unknown is never shown as 0). */
export function pointsTotal(items: readonly { points: number }[]): number {
  return items.reduce((sum, item) => sum + item.points, 0);
}
