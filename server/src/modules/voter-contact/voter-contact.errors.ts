import { defineError } from '../../common/errors/define-error.js';

export const voterContactErrors = {
  alreadyAnswered: defineError('VOTER_CONTACT_ALREADY_ANSWERED', (repliedOn: string | null) => ({
    code: 'CONFLICT',
    messageZh: `该来访来信已答复${repliedOn ? `（${repliedOn}）` : ''}`,
    messageEn: `This voter contact was already answered${repliedOn ? ` (${repliedOn})` : ''}`,
    field: ['id'],
  })),
};
