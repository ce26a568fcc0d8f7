import { requestErrorDetails } from './request-error-details.js';

describe('requestErrorDetails', () => {
  it('recovers the field path of a variable that failed coercion, with both messages', () => {
    const message =
      'Variable "$input" got invalid value "2021-13-45" at "input.values[2].occurredOn"; Value is not a valid LocalDate';
    expect(requestErrorDetails('BAD_USER_INPUT', message)).toEqual({
      reason: 'INVALID_VARIABLE',
      field: ['input', 'values', 2, 'occurredOn'],
      messageZh: '参数无效：input.values.2.occurredOn',
      messageEn: message,
    });
    expect(
      requestErrorDetails('BAD_USER_INPUT', 'Variable "$id" of required type "ID!" was not provided.').field,
    ).toEqual(['id']);
    expect(requestErrorDetails('GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name')).toMatchObject({
      reason: 'QUERY_SYNTAX_ERROR',
      messageZh: '查询语法错误',
    });
    expect(requestErrorDetails('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x" on type "Query".')).toEqual({
      reason: 'QUERY_NOT_IN_SCHEMA',
      field: ['Query', 'x'],
      messageZh: '查询不符合接口定义：类型 Query 没有字段 x',
      messageEn: 'Cannot query field "x" on type "Query".',
    });
    expect(requestErrorDetails('GRAPHQL_VALIDATION_FAILED', 'Fragment "F" is never used.').messageZh).toBe(
      '查询不符合接口定义',
    );
  });
});
