import { registerEnumType } from 'type-graphql';

/**
 * What a township system may do with an API token: the root fields a script of quarterly figures needs,
 * each named after the GraphQL operation it allows. Nothing else (no user management, no sign-out, no
 * record-keeping) is ever callable with a token.
 */
export enum ApiTokenOperation {
  quarterlyReportDraft = 'quarterlyReportDraft',
  submitQuarterlyReport = 'submitQuarterlyReport',
  quarterlyReports = 'quarterlyReports',
  quarterlyReport = 'quarterlyReport',
}

registerEnumType(ApiTokenOperation, {
  name: 'ApiTokenOperation',
  description: 'API 令牌可调用的操作 / An operation an API token may call',
});
