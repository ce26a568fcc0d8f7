import { badInput, defineError } from '../../common/errors/define-error.js';

type Field = readonly (string | number)[];

export const performanceErrors = {
  yearOutOfRange: defineError('PERFORMANCE_YEAR_OUT_OF_RANGE', (field: Field, earliest: number, latest: number) =>
    badInput(field, `年度须在 ${earliest} 至 ${latest} 之间`, `The year must lie between ${earliest} and ${latest}`),
  ),
  pointsOutOfRange: defineError('PERFORMANCE_POINTS_OUT_OF_RANGE', (field: Field) =>
    badInput(field, '分值须在 -100 至 100 之间', 'Points lie between -100 and 100'),
  ),
  capOutOfRange: defineError('PERFORMANCE_CAP_OUT_OF_RANGE', (field: Field) =>
    badInput(field, '上限须在 0 至 1000 之间', 'A cap lies between 0 and 1000'),
  ),
  duplicateRule: defineError('PERFORMANCE_DUPLICATE_RULE', (field: Field, duty: string) =>
    badInput(field, `同一履职事项只能有一条规则：${duty}`, `One rule per duty: ${duty} is repeated`),
  ),
  tooManyRules: defineError('PERFORMANCE_TOO_MANY_RULES', (max: number) =>
    badInput(['input', 'rules'], `规则不能超过 ${max} 条`, `At most ${max} rules`),
  ),
  revisionReasonRequired: defineError('PERFORMANCE_REVISION_REASON_REQUIRED', (year: number) =>
    badInput(
      ['input', 'revisionReason'],
      `${year}年度已结束，修改其积分方案须说明理由（原版本及其结果保留）`,
      `${year} has ended: say why its scheme changes (the earlier version and its results are kept)`,
    ),
  ),
  staleVersion: defineError('PERFORMANCE_SCHEME_STALE', (expected: number, current: number) => ({
    code: 'CONFLICT',
    messageZh: `方案已被他人修改（当前第${current}版，您编辑的是第${expected}版），请刷新后再改`,
    messageEn: `The scheme changed meanwhile (version ${current}; you edited version ${expected}): reload it`,
    field: ['input', 'expectedVersion'],
    details: { currentVersion: current },
  })),
  versionNotFound: defineError('PERFORMANCE_SCHEME_VERSION_NOT_FOUND', (year: number, version: number) => ({
    code: 'NOT_FOUND',
    messageZh: `${year}年度没有第${version}版积分方案`,
    messageEn: `No version ${version} of the ${year} scheme`,
    field: ['schemeVersion'],
  })),
  periodRequired: defineError('ARCHIVE_PERIOD_REQUIRED', () =>
    badInput(['year'], '请指定年度或届次（二选一）', 'Give a year or a term, one of them'),
  ),
  termNotFound: defineError('ARCHIVE_TERM_NOT_FOUND', (id: string) => ({
    code: 'NOT_FOUND',
    messageZh: `没有该届次：${id}`,
    messageEn: `No such term: ${id}`,
    field: ['termId'],
  })),
};
