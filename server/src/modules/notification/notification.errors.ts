import type { FieldPath } from '../../common/errors/app-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

export const notificationErrors = {
  notFound: defineError('NOTIFICATION_NOT_FOUND', (id: string, field: FieldPath) =>
    notFoundContent({ zh: '通知', en: 'Notification' }, id, field),
  ),
  townshipNotFound: defineError('REMINDER_TOWNSHIP_NOT_FOUND', (id: string, field: FieldPath) =>
    notFoundContent({ zh: '乡镇', en: 'Township' }, id, field),
  ),
  noTownships: defineError('REMINDER_NO_TOWNSHIPS', () =>
    badInput(['townshipIds'], '请至少选择一个乡镇', 'Name at least one township'),
  ),
  /** Only a report past its deadline and neither submitted nor accepted can be reminded of. */
  notLate: defineError(
    'REMINDER_NOT_LATE',
    (field: FieldPath, township: { id: string; name: string }, state: string, dueAt: Date) => ({
      code: 'CONFLICT',
      messageZh: `${township.name}本季度报表未逾期或已报送，无需催报`,
      messageEn: `${township.name}'s report for the quarter is not overdue or already submitted: no reminder needed`,
      field,
      details: { townshipId: township.id, state, dueAt: dueAt.toISOString() },
    }),
  ),
  /** The per-township limit: one reminder per township and quarter within the window. */
  tooSoon: defineError(
    'REMINDER_TOO_SOON',
    (field: FieldPath, township: { id: string; name: string }, lastAt: Date, nextAt: Date) => ({
      code: 'CONFLICT',
      messageZh: `${township.name}本季度已于 ${lastAt.toISOString()} 催报过，${nextAt.toISOString()} 后方可再次催报`,
      messageEn: `${township.name} was reminded at ${lastAt.toISOString()}; the next reminder is possible after ${nextAt.toISOString()}`,
      field,
      details: { townshipId: township.id, lastRemindedAt: lastAt.toISOString(), nextAllowedAt: nextAt.toISOString() },
    }),
  ),
};
