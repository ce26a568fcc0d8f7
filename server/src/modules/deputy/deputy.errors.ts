import type { FieldPath } from '../../common/errors/app-error.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

interface DeputyRow {
  name: string;
  status: string;
  statusChangedOn: string | null;
}

export const deputyErrors = {
  /** One account per deputy. */
  alreadyInvited: defineError('DEPUTY_ALREADY_INVITED', (deputy: DeputyRow) => ({
    code: 'CONFLICT',
    messageZh: `代表${deputy.name}已开通账号`,
    messageEn: `Deputy ${deputy.name} already has an account`,
    field: ['input', 'deputyId'],
  })),
  notServingForAccount: defineError('DEPUTY_NOT_SERVING', (deputy: DeputyRow) =>
    badInput(
      ['input', 'deputyId'],
      `代表${deputy.name}已离任，不能开通账号`,
      `Deputy ${deputy.name} has left office and gets no account`,
    ),
  ),
  /** A deputy who left office takes part in nothing dated after leaving. */
  leftOffice: defineError('DEPUTY_LEFT_OFFICE', (deputy: DeputyRow, field: FieldPath) =>
    badInput(
      field,
      `代表${deputy.name}已于 ${deputy.statusChangedOn} 离任`,
      `Deputy ${deputy.name} left office on ${deputy.statusChangedOn}`,
    ),
  ),
  retireStatusActive: defineError('DEPUTY_RETIRE_STATUS_ACTIVE', () =>
    badInput(['status'], '离任状态须为辞职、罢免或去世', 'Leaving office is RESIGNED, REMOVED or DECEASED'),
  ),
  alreadyLeftOffice: defineError('DEPUTY_ALREADY_LEFT_OFFICE', (deputy: DeputyRow) => ({
    code: 'CONFLICT',
    messageZh: `代表${deputy.name}已离任（${deputy.status}）`,
    messageEn: `Deputy ${deputy.name} has already left office (${deputy.status})`,
    field: ['id'],
  })),
  recordsAfterLeaving: defineError('DEPUTY_HAS_LATER_RECORDS', (on: string, later: number) =>
    badInput(
      ['on'],
      `该代表在 ${on} 之后仍有 ${later} 次活动记录`,
      `The deputy is recorded at ${later} activities after ${on}`,
    ),
  ),
  birthYearOutOfRange: defineError('DEPUTY_BIRTH_YEAR_OUT_OF_RANGE', (earliest: number, latest: number) =>
    badInput(
      ['input', 'birthYear'],
      `出生年份须在 ${earliest} 至 ${latest} 之间`,
      `birthYear must lie between ${earliest} and ${latest}`,
    ),
  ),
};
