import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { ReportState } from './report-state.enum.js';
import { quarterlyReportErrors } from './quarterly-report.errors.js';
import { QuarterlyReportReviewAction } from './quarterly-report-review-action.entity.js';
import { ReviewOutcome } from './review-outcome.enum.js';
import { reportReviewHooks } from './quarterly-report.review-hooks.js';

/**
 * The county side: accept or return a submitted report. The database lets county staff change only
 * the review fields of a report (a trigger guards the figures), and the version check catches a
 * review of a report that was resubmitted meanwhile.
 */
export class QuarterlyReportReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly reviewer: Identity,
  ) {}

  accept(id: string, expectedVersion: number): Promise<QuarterlyReport> {
    return this.review(id, expectedVersion, ReviewOutcome.ACCEPTED, null);
  }

  return(id: string, expectedVersion: number, reason: string): Promise<QuarterlyReport> {
    return this.review(id, expectedVersion, ReviewOutcome.RETURNED, reason);
  }

  private async review(
    id: string,
    expectedVersion: number,
    outcome: ReviewOutcome,
    reason: string | null,
  ): Promise<QuarterlyReport> {
    assertUuid(id, ['id']);
    // The county as a value: on a Citus cluster it routes the lock to the county's shard (Citus refuses
    // `for update` across shards); row-level security already limits the reviewer to it.
    const report = await this.em.findOne(
      QuarterlyReport,
      { county: this.reviewer.countyId, id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!report) throw quarterlyReportErrors.notFound(id);
    if (report.version !== expectedVersion) {
      throw quarterlyReportErrors.reviewVersionStale(report);
    }
    if (report.state !== ReportState.SUBMITTED) {
      throw report.state === ReportState.ACCEPTED
        ? quarterlyReportErrors.alreadyAccepted()
        : quarterlyReportErrors.notAwaitingReview(report.state);
    }
    report.state = outcome === ReviewOutcome.ACCEPTED ? ReportState.ACCEPTED : ReportState.RETURNED;
    report.version += 1;
    report.returnReason = reason;
    report.reviewedAt = new Date();
    report.reviewedBy = this.reviewer.userId;
    // Every review is kept for the history: the report row holds only the latest.
    this.em.persist(
      Object.assign(new QuarterlyReportReviewAction(), {
        township: report.township,
        county: report.county,
        report,
        outcome,
        reason,
        reviewedBy: this.reviewer.userId,
        reviewedAt: report.reviewedAt,
        version: report.version,
      }),
    );
    await this.em.flush();
    for (const hook of reportReviewHooks) await hook(this.em, { report, outcome, reason, reviewer: this.reviewer });
    return report;
  }
}
