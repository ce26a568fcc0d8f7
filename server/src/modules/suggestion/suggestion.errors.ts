import { badInput, defineError } from '../../common/errors/define-error.js';

export const suggestionErrors = {
  deputyOnly: defineError('SUGGESTION_SUBMIT_DEPUTY_ONLY', () => ({
    code: 'FORBIDDEN',
    messageZh: '只有代表本人可以提交自己的建议',
    messageEn: 'Only a signed-in deputy submits a suggestion of its own',
  })),
  proposerTwice: defineError('SUGGESTION_PROPOSER_TWICE', () =>
    badInput(['input', 'proposerIds'], '提出人重复', 'A proposer is listed twice'),
  ),
  titleLength: defineError('SUGGESTION_TITLE_LENGTH', () =>
    badInput(['title'], '标题长度须为 1 至 300 字', 'title: 1-300 characters'),
  ),
  transitionNotAllowed: defineError(
    'SUGGESTION_TRANSITION_NOT_ALLOWED',
    (from: string, to: string, fromZh: string, toZh: string, allowed: readonly string[]) => ({
      code: 'CONFLICT',
      messageZh: `建议当前为“${fromZh}”，不能改为“${toZh}”`,
      messageEn: `A suggestion that is ${from} cannot become ${to}`,
      field: ['id'],
      details: { from, to, allowed },
    }),
  ),
};
