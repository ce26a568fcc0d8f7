import { notFoundContent } from '../../common/errors/common.errors.js';
import { badInput, defineError } from '../../common/errors/define-error.js';

export const savedQueryErrors = {
  syntaxError: defineError('SAVED_QUERY_SYNTAX_ERROR', (message: string) =>
    badInput(['input', 'query'], `GraphQL 语法错误：${message}`, `GraphQL syntax error: ${message}`),
  ),
  /** Another user's query looks like none at all. */
  notFound: defineError('SAVED_QUERY_NOT_FOUND', (id: string) =>
    notFoundContent({ zh: '保存的查询', en: 'Saved query' }, id),
  ),
};
