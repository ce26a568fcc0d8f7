import { GraphQLError } from 'graphql';
import { AppError } from '../../common/errors/app-error.js';

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

/** The refusal of a query that exceeds one of the limits: BAD_USER_INPUT, both languages, the numbers in `details`. */
export function limitExceededError(limit: QueryLimit, max: number, found: number | null): AppError {
  const wording = WORDING[limit];
  const foundText = found === null ? '' : ` ${found}`;
  return new AppError({
    code: 'BAD_USER_INPUT',
    messageZh: `${wording.subjectZh}${foundText} 超过上限 ${max}，${wording.adviceZh}`,
    messageEn: `${wording.subjectEn}${foundText} exceeds the limit of ${max}; ${wording.adviceEn}`,
    details: { limit, max, found },
  });
}

/** An AppError as a GraphQLError Apollo answers with HTTP 400 before anything runs. */
export function asRequestError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
}
