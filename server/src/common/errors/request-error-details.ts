/** `input.values[2].metricKey` → ['input', 'values', 2, 'metricKey'] */
function toPath(dotted: string): (string | number)[] {
  return dotted
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * GraphQL's own refusals (a variable of the wrong type, a missing argument, a parse error) name the
 * offending variable only in English prose; this recovers the field path, adds the Chinese message and
 * gives the refusal a reason (INVALID_VARIABLE, QUERY_SYNTAX_ERROR, QUERY_NOT_IN_SCHEMA…).
 */
export function requestErrorDetails(
  code: string,
  message: string,
): { reason: string; field: (string | number)[] | null; messageZh: string; messageEn: string } {
  const variable = /Variable "\$(\w+)"(?: got invalid value .*? at "([^"]+)")?/.exec(message);
  const field = variable ? (variable[2] ? toPath(variable[2]) : [variable[1]!]) : null;
  if (code === 'BAD_USER_INPUT') {
    const reason = variable ? 'INVALID_VARIABLE' : 'INVALID_ARGUMENT';
    return { reason, field, messageZh: field ? `参数无效：${field.join('.')}` : '参数无效', messageEn: message };
  }
  if (code === 'GRAPHQL_PARSE_FAILED')
    return { reason: 'QUERY_SYNTAX_ERROR', field: null, messageZh: '查询语法错误', messageEn: message };
  if (code === 'GRAPHQL_VALIDATION_FAILED') {
    // the field the schema lacks, so an analyst sees which one without reading the English prose
    const unknownField = /Cannot query field "(\w+)" on type "(\w+)"/.exec(message);
    if (unknownField)
      return {
        reason: 'QUERY_NOT_IN_SCHEMA',
        field: [unknownField[2]!, unknownField[1]!],
        messageZh: `查询不符合接口定义：类型 ${unknownField[2]!} 没有字段 ${unknownField[1]!}`,
        messageEn: message,
      };
    return { reason: 'QUERY_NOT_IN_SCHEMA', field, messageZh: '查询不符合接口定义', messageEn: message };
  }
  // PERSISTED_QUERY_NOT_FOUND, OPERATION_RESOLUTION_FAILURE, BAD_REQUEST: Apollo's own code is specific enough
  return { reason: code, field, messageZh: '请求无效', messageEn: message };
}
