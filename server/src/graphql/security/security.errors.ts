import { defineError, type ErrorFactory } from '../../common/errors/define-error.js';

export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'cost' | 'responseSize';

const WORDING: Record<QueryLimit, { subjectZh: string; subjectEn: string; adviceZh: string; adviceEn: string }> = {
  depth: {
    subjectZh: '查询嵌套深度',
    subjectEn: 'Query depth',
    adviceZh: '请拆分为几个较浅的查询',
    adviceEn: 'split it into shallower queries',
  },
  aliases: {
    subjectZh: '别名数量',
    subjectEn: 'Number of aliases',
    adviceZh: '请拆分为几个查询',
    adviceEn: 'split it into several requests',
  },
  directives: {
    subjectZh: '指令数量',
    subjectEn: 'Number of directives',
    adviceZh: '请减少 @include / @skip',
    adviceEn: 'use fewer @include / @skip',
  },
  cost: {
    subjectZh: '查询成本（预计返回的值的数量）',
    subjectEn: 'Query cost (values the response may hold)',
    adviceZh: '请减小嵌套列表的 first 或分页查询',
    adviceEn: 'ask nested lists for fewer rows (first) or page through them',
  },
  responseSize: {
    subjectZh: '响应大小（字节）',
    subjectEn: 'Response size (bytes)',
    adviceZh: '请减小 first、少选字段或分页查询',
    adviceEn: 'ask for fewer rows or fields, or page through them',
  },
};

/** Reasons of the query limits, one per limit. */
const LIMIT_REASONS: Record<QueryLimit, string> = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'QUERY_TOO_MANY_ALIASES',
  directives: 'QUERY_TOO_MANY_DIRECTIVES',
  cost: 'QUERY_TOO_COSTLY',
  responseSize: 'RESPONSE_TOO_LARGE',
};

/** The refusal of a query that exceeds one of the limits: BAD_USER_INPUT, both languages, the numbers in `details`. */
function limitExceeded(limit: QueryLimit): ErrorFactory<[max: number, found: number | null]> {
  const wording = WORDING[limit];
  return defineError(LIMIT_REASONS[limit], (max: number, found: number | null) => {
    const foundText = found === null ? '' : ` ${found}`;
    return {
      code: 'BAD_USER_INPUT',
      messageZh: `${wording.subjectZh}${foundText} 超过上限 ${max}，${wording.adviceZh}`,
      messageEn: `${wording.subjectEn}${foundText} exceeds the limit of ${max}; ${wording.adviceEn}`,
      details: { limit, max, found },
    };
  });
}

/** Refusals of the operation guards (limits, page size, introspection), before anything runs. */
export const securityErrors = {
  limitExceeded: {
    depth: limitExceeded('depth'),
    aliases: limitExceeded('aliases'),
    directives: limitExceeded('directives'),
    cost: limitExceeded('cost'),
    responseSize: limitExceeded('responseSize'),
  } satisfies Record<QueryLimit, ErrorFactory<[number, number | null]>>,
  pageTooLarge: defineError('PAGE_TOO_LARGE', (fieldName: string, argument: string, first: number, max: number) => ({
    code: 'BAD_USER_INPUT',
    field: [fieldName, argument],
    messageZh: `${fieldName} 的 first 为 ${first}，超过每页上限 ${max}`,
    messageEn: `first of ${fieldName} is ${first}, above the page limit of ${max}`,
    details: { argument, max, found: first },
  })),
  introspectionSignedOut: defineError('INTROSPECTION_REQUIRES_SIGN_IN', () => ({
    code: 'UNAUTHENTICATED',
    messageZh: '内省查询（__schema / __type）仅向已登录用户开放',
    messageEn: 'Introspection (__schema / __type) is available to signed-in users only',
  })),
};
