import express, { type Router } from 'express';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../common/context/request-context.js';
import type { RequestContextDeps } from '../common/context/create-request-context.js';
import { createRequestContext } from '../common/context/create-request-context.js';
import { findRows, type Json } from '../common/csv/find-rows.js';
import { toCsv } from '../common/csv/to-csv.js';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  TIMEOUT: 503,
  UNAVAILABLE: 503,
};

/**
 * POST /export/csv { query, variables }: runs the GraphQL operation exactly as /graphql would (same
 * token, same row-level security, same field rules, so analysts never get PII) and returns its first
 * list as CSV. A refused or failing query answers with the GraphQL errors as JSON, never a partial file.
 */
export function csvExportRoute(apollo: ApolloServer<RequestContext>, deps: RequestContextDeps): Router {
  const router = express.Router();
  router.post('/export/csv', express.json({ limit: '1mb' }), async (req, res) => {
    const body = req.body as { query?: unknown; variables?: unknown; filename?: unknown };
    if (typeof body?.query !== 'string') {
      res.status(400).json({
        errors: [{ message: '缺少查询 / query is required', extensions: { code: 'BAD_USER_INPUT', field: ['query'] } }],
      });
      return;
    }
    let contextValue: RequestContext;
    try {
      contextValue = await createRequestContext(deps, {
        authorization: req.headers.authorization,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      });
    } catch (error) {
      const extensions = error instanceof GraphQLError ? error.extensions : { code: 'UNAUTHENTICATED' };
      res
        .status(401)
        .json({ errors: [{ message: (error as Error).message, extensions: { ...extensions, http: undefined } }] });
      return;
    }
    const variables =
      body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : undefined;
    const response = await apollo.executeOperation(
      { query: body.query, ...(variables ? { variables } : {}) },
      { contextValue },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    if (!result || (result.errors?.length ?? 0) > 0) {
      const code = String(result?.errors?.[0]?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
      res.status(STATUS[code] ?? 500).json({ errors: result?.errors ?? [] });
      return;
    }
    const name =
      typeof body.filename === 'string' && /^[\w\u4e00-\u9fa5-]{1,60}$/.test(body.filename)
        ? body.filename
        : 'renda-export';
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      // Headers are ASCII: a plain fallback name, and the Chinese one in RFC 5987 form.
      .setHeader(
        'content-disposition',
        `attachment; filename="renda-export.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
      )
      .send(toCsv(findRows((result.data ?? null) as Json)));
  });
  return router;
}
