import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { AppError } from '../../common/errors/app-error.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { notFoundError } from '../../common/errors/not-found-error.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { ReportState } from './report-state.enum.js';

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
    if (!report) throw notFoundError('季度报表', 'Quarterly report', id);
    if (report.version !== expectedVersion) {
      throw new AppError({
        code: 'CONFLICT',
        messageZh: `报表已更新为第 ${report.version} 版，请刷新后再审核`,
        messageEn: `The report is now at version ${report.version}; reload before reviewing`,
        field: ['expectedVersion'],
        details: { currentVersion: report.version, state: report.state },
      });
    }
    if (report.state !== ReportState.SUBMITTED) {
      throw new AppError({
        code: 'CONFLICT',
        messageZh: '只能审核已报送、待审核的报表',
        messageEn: 'Only a submitted report awaiting review can be accepted or returned',
        field: ['id'],
        details: { state: report.state },
      });
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
