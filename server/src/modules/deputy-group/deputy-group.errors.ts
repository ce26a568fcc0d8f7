import type { FieldPath } from '../../common/errors/app-error.js';
import { badInput, defineError } from '../../common/errors/define-error.js';
import { retiredContent, type RetirableRow } from '../../common/validation/assert-not-retired.js';
import { nameTakenContent } from '../../tenancy/assert-name-free.js';

const GROUP = { zh: '代表小组', en: 'deputy group' };

export const deputyGroupErrors = {
  nameTaken: defineError('DEPUTY_GROUP_NAME_TAKEN', (name: string) => nameTakenContent(GROUP, name)),
  /** Something new dated after the group was dissolved (an activity, a deputy assigned). */
  retired: defineError('DEPUTY_GROUP_RETIRED', (row: RetirableRow, field: FieldPath) =>
    retiredContent(GROUP, row, field),
  ),
  alreadyRetired: defineError('DEPUTY_GROUP_ALREADY_RETIRED', (group: RetirableRow) => ({
    code: 'CONFLICT',
    messageZh: `代表小组“${group.name}”已于 ${group.retiredOn} 撤销`,
    messageEn: `The deputy group "${group.name}" was already retired on ${group.retiredOn}`,
    field: ['id'],
  })),
  recordsAfterRetirement: defineError('DEPUTY_GROUP_HAS_LATER_RECORDS', (on: string, later: number) =>
    badInput(['on'], `该小组在 ${on} 之后仍有 ${later} 次活动`, `The group has ${later} activities after ${on}`),
  ),
};
