import { enumOrder } from '../../graphql/enum-order';
import { ReportingStatusKind } from '../../graphql/generated/schema-enums';

/** The statuses of a township's quarterly report in the order the board counts them. */
export const REPORTING_STATUS_KINDS = enumOrder(ReportingStatusKind, [
  'SUBMITTED_ON_TIME',
  'SUBMITTED_LATE',
  'ACCEPTED',
  'RETURNED',
  'MISSING',
  'NOT_DUE',
  'NOT_REQUIRED',
]);

export interface TownshipForStatus {
  id: string;
  name: string;
  nameEn: string;
}

export interface StatusCell {
  townshipId: string;
  quarter: number;
  status: ReportingStatusKind;
  late: boolean;
  reportId: string | null;
  version: number | null;
  submittedAt: string | null;
  dueAt: string;
  returnReason: string | null;
}

export interface StatusRow<C extends StatusCell = StatusCell> {
  township: TownshipForStatus;
  /** Quarters 1–4; null when the server sent no cell for the quarter. */
  quarters: (C | null)[];
}

/** Township × quarter grid of one year, townships in the order given (the county's order). */
export function buildStatusGrid<C extends StatusCell>(
  townships: readonly TownshipForStatus[],
  cells: readonly C[],
): StatusRow<C>[] {
  const byKey = new Map(cells.map((c) => [`${c.townshipId}:${c.quarter}`, c]));
  return townships.map((township) => ({
    township,
    quarters: [1, 2, 3, 4].map((q) => byKey.get(`${township.id}:${q}`) ?? null),
  }));
}

/** A submitted report waits for the county: accept or return it. */
export function awaitsReview(cell: StatusCell): cell is StatusCell & { reportId: string; version: number } {
  return (
    (cell.status === 'SUBMITTED_ON_TIME' || cell.status === 'SUBMITTED_LATE') &&
    cell.reportId !== null &&
    cell.version !== null
  );
}

/** How many township-quarters are in each state, for the board's header. */
export function countStatuses(cells: readonly StatusCell[]): Record<ReportingStatusKind, number> {
  const counts = Object.fromEntries(REPORTING_STATUS_KINDS.map((k) => [k, 0])) as Record<ReportingStatusKind, number>;
  for (const cell of cells) counts[cell.status] += 1;
  return counts;
}
