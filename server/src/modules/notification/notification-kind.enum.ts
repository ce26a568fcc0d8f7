import { registerEnumType } from 'type-graphql';

export enum NotificationKind {
  /** 催报: county staff remind a township whose quarterly report is overdue. */
  REPORT_REMINDER = 'REPORT_REMINDER',
  /** The county returned a quarterly report; the reason is in the notification. */
  REPORT_RETURNED = 'REPORT_RETURNED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind', description: '催报、报表退回' });
