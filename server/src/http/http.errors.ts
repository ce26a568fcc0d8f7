import { badInput, defineError } from '../common/errors/define-error.js';

/** The body limit of /graphql and /export/csv, for the parsers and for the refusal's details. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Refusals made outside GraphQL: body parsing, unknown paths, the rate limit, the CSV route. */
export const httpErrors = {
  bodyNotJson: defineError('BODY_NOT_VALID_JSON', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求体不是有效的 JSON',
    messageEn: 'The request body is not valid JSON',
  })),
  bodyTooLarge: defineError('BODY_TOO_LARGE', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: `请求体超过上限 ${MAX_BODY_BYTES} 字节`,
    messageEn: `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes`,
    details: { limit: 'bodySize', max: MAX_BODY_BYTES },
  })),
  charsetUnsupported: defineError('BODY_CHARSET_UNSUPPORTED', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求体的字符集不受支持，请使用 UTF-8',
    messageEn: 'Unsupported charset; send UTF-8',
  })),
  encodingUnsupported: defineError('BODY_ENCODING_UNSUPPORTED', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求体的压缩编码不受支持',
    messageEn: 'Unsupported content encoding',
  })),
  contentTypeNotJson: defineError('BODY_CONTENT_TYPE_NOT_JSON', (contentType: string | null) => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求体须为 JSON（Content-Type: application/json）',
    messageEn: 'The request body must be JSON (Content-Type: application/json)',
    details: { contentType },
  })),
  minLsnInvalid: defineError('MIN_LSN_INVALID', (header: string) => ({
    code: 'BAD_USER_INPUT',
    field: [header],
    messageZh: '一致性位置格式无效（应为 PostgreSQL 的 LSN，例如 0/16B3748）',
    messageEn: 'Invalid consistency position (expected a PostgreSQL LSN such as 0/16B3748)',
    details: { header },
  })),
  headersTooLarge: defineError('HEADERS_TOO_LARGE', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求头过大',
    messageEn: 'The request headers are too large',
  })),
  malformedRequest: defineError('MALFORMED_HTTP_REQUEST', (parserCode: string) => ({
    code: 'BAD_USER_INPUT',
    messageZh: 'HTTP 请求格式无效（例如请求头含有控制字符）',
    messageEn: 'The HTTP request is malformed (for example, a header holds a control character)',
    details: { parserCode },
  })),
  badRequest: defineError('BAD_REQUEST', () => ({
    code: 'BAD_USER_INPUT',
    messageZh: '请求无效',
    messageEn: 'Bad request',
  })),
  noSuchPath: defineError('NO_SUCH_PATH', () => ({
    code: 'NOT_FOUND',
    messageZh: '没有这个地址',
    messageEn: 'No such path',
  })),
  internal: defineError('INTERNAL_ERROR', () => ({
    code: 'INTERNAL_SERVER_ERROR',
    messageZh: '服务器内部错误',
    messageEn: 'Internal server error',
  })),
  tooManyRequests: defineError(
    'TOO_MANY_REQUESTS',
    (limit: string, max: number, windowSeconds: number, retryAfterSeconds: number) => ({
      code: 'RATE_LIMITED',
      messageZh: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
      messageEn: `Too many requests; try again in ${retryAfterSeconds} s`,
      details: { limit, max, windowSeconds, retryAfterSeconds },
    }),
  ),
  persistedQueryNotFound: defineError('PERSISTED_QUERY_NOT_FOUND', (hash: string) => ({
    code: 'NOT_FOUND',
    field: ['extensions', 'persistedQuery', 'sha256Hash'],
    messageZh: '没有这个已登记的操作（客户端可改为发送完整查询）',
    messageEn: 'No registered operation has this hash (the client may send the full document instead)',
    details: { sha256Hash: hash.slice(0, 64) },
  })),
  persistedQueryInvalid: defineError('PERSISTED_QUERY_INVALID', () =>
    badInput(
      ['extensions', 'persistedQuery'],
      '已登记操作的引用无效（应为 {"version":1,"sha256Hash":"<64 位十六进制>"}）',
      'Invalid persisted operation reference (expected {"version":1,"sha256Hash":"<64 hex digits>"})',
    ),
  ),
  exportQueryMissing: defineError('EXPORT_QUERY_MISSING', () =>
    badInput(['query'], '缺少查询（query）', 'query is required'),
  ),
  exportNotAQuery: defineError('EXPORT_NOT_A_QUERY', (operation: string) =>
    badInput(
      ['query'],
      `导出只接受查询（query），不接受 ${operation}`,
      `Export accepts queries only, not a ${operation}`,
    ),
  ),
};
