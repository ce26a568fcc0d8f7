import { badInput, defineError } from '../../common/errors/define-error.js';

export const dutyReportErrors = {
  forAnotherDeputy: defineError('DUTY_REPORT_FOR_ANOTHER_DEPUTY', () => ({
    code: 'FORBIDDEN',
    messageZh: '代表只能报告本人的履职情况',
    messageEn: 'A deputy reports only its own duties',
    field: ['input', 'deputyId'],
  })),
  deputyOnly: defineError('DUTY_REPORT_DEPUTY_ONLY', () => ({
    code: 'FORBIDDEN',
    messageZh: '只有代表本人可以报告履职',
    messageEn: 'Only a signed-in deputy reports its duties',
  })),
  alreadyDecided: defineError('DUTY_REPORT_ALREADY_DECIDED', (state: string) => ({
    code: 'CONFLICT',
    messageZh: `该履职报告已处理（${state === 'CONFIRMED' ? '已确认' : '已退回'}）`,
    messageEn: `This duty report was already ${state === 'CONFIRMED' ? 'confirmed' : 'rejected'}`,
    field: ['id'],
    details: { state },
  })),
  activityRequired: defineError('DUTY_REPORT_ACTIVITY_REQUIRED', () =>
    badInput(
      ['activityId'],
      '确认参加活动须指明是哪一次活动',
      'Confirming an attended activity needs the activity it was',
    ),
  ),
  alreadyRecorded: defineError('DUTY_REPORT_ALREADY_RECORDED', () => ({
    code: 'CONFLICT',
    messageZh: '该代表已登记出席此次活动',
    messageEn: 'The deputy is already recorded as present at this activity',
    field: ['activityId'],
  })),
  reasonLength: defineError('DUTY_REPORT_REASON_LENGTH', () =>
    badInput(['reason'], '退回原因须为 1 至 300 字', 'reason: 1-300 characters'),
  ),
  noStation: defineError('DUTY_REPORT_NO_STATION', () =>
    badInput(['id'], '该代表未分配联络站，无法登记接待', 'The deputy has no station to record a reception at'),
  ),
};
