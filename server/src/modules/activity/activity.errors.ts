import type { FieldPath } from '../../common/errors/app-error.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

export const activityErrors = {
  participantTwice: defineError('ACTIVITY_PARTICIPANT_TWICE', (field: FieldPath) =>
    badInput(field, '同一代表不能重复登记', 'A deputy is listed twice'),
  ),
};
