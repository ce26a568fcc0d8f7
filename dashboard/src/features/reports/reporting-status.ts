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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days past the deadline: for a late submission, until it was submitted; for a report still missing
 * or returned, until now. 0 when on time or not yet due. A day begun counts (1 minute late is 1 day), as a
 * clerk would say "逾期 1 天".
 */
export function overdueDays(cell: StatusCell, now: Date = new Date()): number {
  const due = new Date(cell.dueAt).getTime();
  const until =
    cell.status === 'MISSING' || cell.status === 'RETURNED'
      ? now.getTime()
      : cell.late && cell.submittedAt
        ? new Date(cell.submittedAt).getTime()
        : due;
  return until > due ? Math.ceil((until - due) / DAY_MS) : 0;
}

/** A township can be reminded (催报) of a quarter that is overdue and not with the county. */
export function canRemind(cell: StatusCell, now: Date = new Date()): boolean {
  return (cell.status === 'MISSING' || cell.status === 'RETURNED') && now.getTime() > new Date(cell.dueAt).getTime();
}
