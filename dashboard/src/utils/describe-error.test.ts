import { describe, expect, it } from '@jest/globals';
import { describeError, errorCodes, isUnauthenticated } from './describe-error';

const conflict = {
  name: 'CombinedGraphQLErrors',
  message: '报表已被更新 / The report is now at version 2',
  errors: [
    {
      message: '报表已被更新 / The report is now at version 2',
      extensions: {
        code: 'CONFLICT',
        field: ['input', 'expectedVersion'],
        messageZh: '报表已被更新为第 2 版，请刷新后重新报送',
        messageEn: 'The report is now at version 2; reload and submit again',
        details: { currentVersion: 2 },
      },
    },
  ],
};

describe('describeError', () => {
  it("keeps where a query failed and the server's own words, for the explorer", () => {
    const refused = {
      errors: [
        {
          message: 'Cannot query field "nam" on type "Township". Did you mean "name"?',
          locations: [{ line: 3, column: 7 }],
          extensions: {
            code: 'GRAPHQL_VALIDATION_FAILED',
            field: ['Township', 'nam'],
            messageZh: '查询不符合接口定义：类型 Township 没有字段 nam',
          },
        },
      ],
    };
    expect(describeError(refused, 'zh-CN')).toMatchObject({
      message: '查询不符合接口定义：类型 Township 没有字段 nam',
      field: ['Township', 'nam'],
      locations: [{ line: 3, column: 7 }],
      serverMessage: 'Cannot query field "nam" on type "Township". Did you mean "name"?',
    });
  });

  it('shows the server message in the reader’s language, with code, field and details', () => {
    expect(describeError(conflict, 'zh-CN')).toEqual({
      code: 'CONFLICT',
      message: '报表已被更新为第 2 版，请刷新后重新报送',
      field: ['input', 'expectedVersion'],
      details: { currentVersion: 2 },
      locations: [],
      serverMessage: '报表已被更新 / The report is now at version 2',
    });
    expect(describeError(conflict, 'en').message).toBe('The report is now at version 2; reload and submit again');
  });

  it('falls back to the plain message for GraphQL’s own errors', () => {
    const parse = {
      errors: [{ message: 'Syntax Error: Expected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    };
    expect(describeError(parse, 'zh-CN')).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      message: 'Syntax Error: Expected Name',
    });
  });

  it('reads the body of a non-2xx response', () => {
    const serverError = {
      name: 'ServerError',
      message: 'Response not successful',
      statusCode: 401,
      bodyText: JSON.stringify({
        errors: [
          { message: 'x', extensions: { code: 'UNAUTHENTICATED', messageZh: '登录已过期', messageEn: 'Expired' } },
        ],
      }),
    };
    expect(describeError(serverError, 'zh-CN')).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期' });
    expect(isUnauthenticated(serverError)).toBe(true);
  });

  it('explains a network failure', () => {
    const failed = new TypeError('Failed to fetch');
    expect(describeError(failed, 'zh-CN')).toMatchObject({
      code: 'NETWORK',
      message: '无法连接服务器，请检查网络后重试',
    });
    expect(describeError(failed, 'en').message).toMatch(/Cannot reach the server/);
  });
});

describe('errorCodes', () => {
  it('collects every code, and treats a bare 401 as unauthenticated', () => {
    expect(errorCodes(conflict)).toEqual(['CONFLICT']);
    expect(isUnauthenticated(conflict)).toBe(false);
    expect(isUnauthenticated({ statusCode: 401, bodyText: 'no' })).toBe(true);
    expect(errorCodes(null)).toEqual([]);
  });
});
