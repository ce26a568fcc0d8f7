import type { MessageSchema } from '../../i18n/zh-CN';
import type { EntryError } from './quarterly-report-form';
import type { SubmitBlock } from './submit-readiness';

/** A key of one group of messages, checked against zh-CN.ts (a typo or a missing label fails vue-tsc). */
type KeyOf<Prefix extends string, Group> = `${Prefix}.${keyof Group & string}`;

/** The message of each check the form makes while the clerk types. */
export const ENTRY_ERROR_MESSAGE = {
  NOT_A_NUMBER: 'quarterly.errors.NOT_A_NUMBER',
  NEGATIVE: 'quarterly.errors.NEGATIVE',
  NOT_WHOLE: 'quarterly.errors.NOT_WHOLE',
  RATE_ABOVE_100: 'quarterly.errors.RATE_ABOVE_100',
  REASON_REQUIRED: 'quarterly.errors.REASON_REQUIRED',
  REASON_TOO_LONG: 'quarterly.errors.REASON_TOO_LONG',
} as const satisfies Record<EntryError, KeyOf<'quarterly.errors', MessageSchema['quarterly']['errors']>>;

/** Why the submit button is disabled, said beside it (and linked by aria-describedby). */
export const SUBMIT_BLOCK_MESSAGE = {
  SUBMITTING: 'quarterly.why.SUBMITTING',
  NOT_OPEN: 'quarterly.why.NOT_OPEN',
  ACCEPTED: 'quarterly.why.ACCEPTED',
  ERRORS: 'quarterly.why.ERRORS',
  NO_CHANGES: 'quarterly.why.NO_CHANGES',
} as const satisfies Record<SubmitBlock['reason'], KeyOf<'quarterly.why', MessageSchema['quarterly']['why']>>;
