import { GraphQLError } from 'graphql';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { AppError } from '../../common/errors/app-error.js';

export type ArmorLimit = 'depth' | 'aliases' | 'directives' | 'cost';

const WORDING: Record<ArmorLimit, { subjectZh: string; subjectEn: string; adviceZh: string; adviceEn: string }> = {
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
};

/**
 * graphql-armor's own refusal reads "Syntax Error: …" in English only; this replaces it with an
 * AppError (BAD_USER_INPUT, both languages, the limit and the measured value in `details`) reported as
 * a validation error, so Apollo answers 400 and the one error mapper formats it like any other refusal.
 */
export function reportLimitExceeded(limit: ArmorLimit, max: number): GraphQLArmorRejectCallback {
  const wording = WORDING[limit];
  return (context, armorError) => {
    // armor states the measured value only in its message ("…, found 14.")
    const measured = /found (\d+(?:\.\d+)?)/.exec(armorError.message)?.[1];
    const found = measured === undefined ? null : Number(measured);
    const foundText = found === null ? '' : ` ${found}`;
    const error = new AppError({
      code: 'BAD_USER_INPUT',
      messageZh: `${wording.subjectZh}${foundText} 超过上限 ${max}，${wording.adviceZh}`,
      messageEn: `${wording.subjectEn}${foundText} exceeds the limit of ${max}; ${wording.adviceEn}`,
      details: { limit, max, found },
    });
    context?.reportError(new GraphQLError(error.message, { originalError: error }));
  };
}
