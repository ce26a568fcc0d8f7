/** `input.values[2].metricKey` → ['input', 'values', 2, 'metricKey'] */
function toPath(dotted: string): (string | number)[] {
  return dotted
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * GraphQL's own refusals (a variable of the wrong type, a missing argument, a parse error) name the
 * offending variable only in English prose; this recovers the field path and adds the Chinese message.
 */
export function requestErrorDetails(
  code: string,
  message: string,
): { field: (string | number)[] | null; messageZh: string; messageEn: string } {
  const variable = /Variable "\$(\w+)"(?: got invalid value .*? at "([^"]+)")?/.exec(message);
  const field = variable ? (variable[2] ? toPath(variable[2]) : [variable[1]!]) : null;
  if (code === 'BAD_USER_INPUT') {
    return { field, messageZh: field ? `参数无效：${field.join('.')}` : '参数无效', messageEn: message };
  }
  if (code === 'GRAPHQL_PARSE_FAILED') return { field: null, messageZh: '查询语法错误', messageEn: message };
  if (code === 'GRAPHQL_VALIDATION_FAILED') return { field, messageZh: '查询不符合接口定义', messageEn: message };
  return { field, messageZh: '请求无效', messageEn: message };
}
