import type { AppLocale } from '../i18n/locale';

/** One GraphQL error as the server formats it (server/src/common/errors/format-graphql-error.ts). */
export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  /** Where in the query text the error is (GraphQL's own refusals: parse and validation errors) */
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface DescribedError {
  /** The server's code (BAD_USER_INPUT, CONFLICT, UNAUTHENTICATED, …), NETWORK, or null. */
  code: string | null;
  /** What to show, in the reader's language when the server gave both. */
  message: string;
  /** The offending input field, e.g. ["input", "values", 2, "overrideReason"]. */
  field: (string | number)[] | null;
  details: Record<string, unknown> | null;
  /** Where in the query the server found the error (1-based), for the explorer's editor */
  locations: { line: number; column: number }[];
  /** The server's own wording (GraphQL's English prose) when it says more than `message` */
  serverMessage: string | null;
}

const FALLBACK: Record<AppLocale, Record<'NETWORK' | 'UNKNOWN', string>> = {
  'zh-CN': { NETWORK: '无法连接服务器，请检查网络后重试', UNKNOWN: '操作失败' },
  en: { NETWORK: 'Cannot reach the server; check the connection and try again', UNKNOWN: 'Something went wrong' },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function graphQLErrorsOf(error: unknown): GraphQLErrorLike[] | null {
  if (!isRecord(error)) return null;
  // Apollo's CombinedGraphQLErrors, or a raw response body ({ errors: [...] })
  if (Array.isArray(error['errors']) && error['errors'].every((e) => isRecord(e) && typeof e['message'] === 'string'))
    return error['errors'] as GraphQLErrorLike[];
  // Apollo's ServerError keeps the body of a non-2xx response
  if (typeof error['bodyText'] === 'string') {
    try {
      return graphQLErrorsOf(JSON.parse(error['bodyText']));
    } catch {
      return null;
    }
  }
  return null;
}

function describeOne(error: GraphQLErrorLike, locale: AppLocale): DescribedError {
  const ext = error.extensions ?? {};
  const localized = locale === 'zh-CN' ? ext['messageZh'] : ext['messageEn'];
  const field = Array.isArray(ext['field']) ? (ext['field'] as (string | number)[]) : null;
  const message = typeof localized === 'string' && localized !== '' ? localized : error.message;
  return {
    code: typeof ext['code'] === 'string' ? ext['code'] : null,
    message,
    field,
    details: isRecord(ext['details']) ? ext['details'] : null,
    locations: (error.locations ?? []).filter((l) => Number.isInteger(l.line) && Number.isInteger(l.column)),
    serverMessage: error.message !== message ? error.message : null,
  };
}

/** Any error the dashboard meets, as a message for the reader: the server's own words first. */
export function describeError(error: unknown, locale: AppLocale): DescribedError {
  const errors = graphQLErrorsOf(error);
  if (errors && errors.length > 0) return describeOne(errors[0]!, locale);
  const message = isRecord(error) && typeof error['message'] === 'string' ? error['message'] : '';
  const network =
    (isRecord(error) && error['name'] === 'TypeError') || /fetch|network|load failed/i.test(message) || message === '';
  return {
    code: network ? 'NETWORK' : null,
    message: network ? FALLBACK[locale].NETWORK : message || FALLBACK[locale].UNKNOWN,
    field: null,
    details: null,
    locations: [],
    serverMessage: null,
  };
}

/** Every error code carried by an error (GraphQL errors can hold several). */
export function errorCodes(error: unknown): string[] {
  const errors = graphQLErrorsOf(error) ?? [];
  const codes = errors.map((e) => e.extensions?.['code']).filter((c): c is string => typeof c === 'string');
  if (isRecord(error) && error['statusCode'] === 401 && !codes.includes('UNAUTHENTICATED'))
    codes.push('UNAUTHENTICATED');
  return codes;
}

/** The token is missing, expired or revoked: the session is over. */
export function isUnauthenticated(error: unknown): boolean {
  return errorCodes(error).includes('UNAUTHENTICATED');
}
