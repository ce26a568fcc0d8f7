import type { RequestContext } from '../../tenancy/request-context.js';
import { actorNames } from '../../tenancy/actor-names.js';
import { childLists } from '../../tenancy/child-lists.js';
import type { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportRevision } from './quarterly-report-revision.entity.js';
import { QuarterlyReportReviewAction } from './quarterly-report-review-action.entity.js';
import { QuarterlyReportEvent } from './dto/quarterly-report-event.js';
import { ReportEventKind } from './report-event-kind.enum.js';
import { ReviewOutcome } from './review-outcome.enum.js';

/**
 * A report's history, oldest first: its revisions (the first is SUBMITTED, every later one CORRECTED) and
 * its review actions, merged by time. Computed, not stored twice: revisions are already immutable rows,
 * reviews are kept in `quarterly_report_review_action`. Three statements per request whatever the
 * number of reports (revisions, reviews, actor names).
 */
export async function reportEvents(ctx: RequestContext, report: QuarterlyReport): Promise<QuarterlyReportEvent[]> {
  const [revisions, reviews] = await Promise.all([
    // The same loader (and order) as QuarterlyReport.revisions: loaders are memoised by entity and parent,
    // so a second order here would reorder that field. The events are sorted by time below.
    childLists(ctx, QuarterlyReportRevision, 'report', { revision: 'desc' }).load(report.id),
    childLists(ctx, QuarterlyReportReviewAction, 'report', { reviewedAt: 'asc', id: 'asc' }).load(report.id),
  ]);
  const events: Omit<QuarterlyReportEvent, 'actorName' | 'viaApiToken'>[] = [
    ...revisions.map((r) => ({
      kind: r.revision === 1 ? ReportEventKind.SUBMITTED : ReportEventKind.CORRECTED,
      at: r.submittedAt,
      actorId: r.submittedBy,
      revision: r.revision,
      reason: r.correctionReason,
      late: r.late,
    })),
    ...reviews.map((r) => ({
      kind: r.outcome === ReviewOutcome.ACCEPTED ? ReportEventKind.ACCEPTED : ReportEventKind.RETURNED,
      at: r.reviewedAt,
      actorId: r.reviewedBy,
      revision: null,
      reason: r.reason,
      late: null,
    })),
  ];
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.revision ?? 0) - (b.revision ?? 0));
  const names = await actorNames(ctx).loadMany(events.map((e) => e.actorId));
  return events.map((e, i) => {
    const name = names[i];
    const known = name && !(name instanceof Error) ? name : null;
    return Object.assign(new QuarterlyReportEvent(), e, {
      actorName: known?.displayName ?? null,
      viaApiToken: known?.apiToken ?? false,
    });
  });
}
