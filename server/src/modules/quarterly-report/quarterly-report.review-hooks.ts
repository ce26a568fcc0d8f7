import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import type { QuarterlyReport } from './quarterly-report.entity.js';
import type { ReviewOutcome } from './review-outcome.enum.js';

export interface ReportReviewed {
  report: QuarterlyReport;
  outcome: ReviewOutcome;
  reason: string | null;
  reviewer: Identity;
}

/**
 * Run inside the review's transaction, after the review is written: a child domain that must act on a
 * review (notification tells the township its report came back) pushes its hook here from a file its
 * resolver imports, since this domain may not import its children. A hook that throws rolls the review back.
 */
export type ReportReviewHook = (em: EntityManager, reviewed: ReportReviewed) => Promise<void>;

export const reportReviewHooks: ReportReviewHook[] = [];
