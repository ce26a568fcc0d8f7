import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { ReviewOutcome } from './review-outcome.enum.js';

/**
 * One acceptance or return of a report, written in the review's transaction and never changed. The
 * report row keeps only the latest review; these keep every one for the report's history. Inserted only
 * by county staff (a restrictive policy), read like the report.
 */
@Entity({ tableName: 'quarterly_report_review_action' })
@Index({ properties: ['report', 'reviewedAt'] })
export class QuarterlyReportReviewAction extends TenantEntity {
  @ManyToOne(() => QuarterlyReport, { ref: true, deleteRule: 'cascade' })
  report!: Ref<QuarterlyReport>;

  @Enum({ items: () => ReviewOutcome })
  outcome!: ReviewOutcome;

  /** The return reason; null for an acceptance. */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'uuid' })
  reviewedBy!: string;

  @Property({ type: 'datetime' })
  reviewedAt!: Date;

  /** The report's version after the review. */
  @Property({ type: 'integer' })
  version!: number;
}
