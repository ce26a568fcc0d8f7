import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { ReportState } from './report-state.enum.js';
import { quarterlyReportErrors } from './quarterly-report.errors.js';

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
    return this.review(id, expectedVersion, ReportState.ACCEPTED, null);
  }

  return(id: string, expectedVersion: number, reason: string): Promise<QuarterlyReport> {
    return this.review(id, expectedVersion, ReportState.RETURNED, reason);
  }

  private async review(
    id: string,
    expectedVersion: number,
    to: ReportState,
    reason: string | null,
  ): Promise<QuarterlyReport> {
    assertUuid(id, ['id']);
    const report = await this.em.findOne(
      QuarterlyReport,
      { id },
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
    report.state = to;
    report.version += 1;
    report.returnReason = reason;
    report.reviewedAt = new Date();
    report.reviewedBy = this.reviewer.userId;
    await this.em.flush();
    return report;
  }
}
