export type ReportState = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

export interface TownshipForStatus {
  id: string;
  name: string;
  nameEn: string;
}

export interface ReportForStatus {
  id: string;
  townshipId: string;
  quarter: number;
  state: ReportState;
  late: boolean;
  version: number;
  revision: number;
  submittedAt: string | null;
  returnReason: string | null;
}

export interface StatusRow<R extends ReportForStatus = ReportForStatus> {
  township: TownshipForStatus;
  /** Quarters 1–4; null when the township has no report for the quarter. */
  quarters: (R | null)[];
}

export interface StatusSummary {
  awaitingReview: number;
  accepted: number;
  returned: number;
  missing: number;
  late: number;
}

/** Township × quarter grid of one year, townships in the order given (the county's order). */
export function buildStatusGrid<R extends ReportForStatus>(
  townships: readonly TownshipForStatus[],
  reports: readonly R[],
): StatusRow<R>[] {
  const byKey = new Map(reports.map((r) => [`${r.townshipId}:${r.quarter}`, r]));
  return townships.map((township) => ({
    township,
    quarters: [1, 2, 3, 4].map((q) => byKey.get(`${township.id}:${q}`) ?? null),
  }));
}

/**
 * Counts for the board's header. `dueQuarters` is how many quarters of the year are due by now (4 for a
 * past year): a missing report counts only for those.
 */
export function summarise(rows: readonly StatusRow[], dueQuarters: number): StatusSummary {
  const summary: StatusSummary = { awaitingReview: 0, accepted: 0, returned: 0, missing: 0, late: 0 };
  for (const row of rows) {
    row.quarters.forEach((report, index) => {
      if (!report || report.state === 'DRAFT') {
        if (index < dueQuarters) summary.missing += 1;
        return;
      }
      if (report.state === 'SUBMITTED') summary.awaitingReview += 1;
      if (report.state === 'ACCEPTED') summary.accepted += 1;
      if (report.state === 'RETURNED') summary.returned += 1;
      if (report.late) summary.late += 1;
    });
  }
  return summary;
}

/** Quarters of `year` whose reporting period has ended by `today` (ISO date). */
export function dueQuarters(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 4;
  if (year > thisYear) return 0;
  return Math.floor((Number(today.slice(5, 7)) - 1) / 3);
}
