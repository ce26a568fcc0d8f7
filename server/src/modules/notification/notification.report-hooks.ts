import { Notification } from './notification.entity.js';
import { NotificationKind } from './notification-kind.enum.js';
import { reportReviewHooks } from '../quarterly-report/quarterly-report.review-hooks.js';
import { ReviewOutcome } from '../quarterly-report/review-outcome.enum.js';

/** A returned report tells its township why, in the review's own transaction. */
reportReviewHooks.push(async (em, { report, outcome, reason, reviewer }) => {
  if (outcome !== ReviewOutcome.RETURNED) return;
  em.persist(
    Object.assign(new Notification(), {
      township: report.township,
      county: report.county,
      kind: NotificationKind.REPORT_RETURNED,
      year: report.year,
      quarter: report.quarter,
      reportId: report.id,
      reason,
      sentBy: reviewer.userId,
    }),
  );
  await em.flush();
});
