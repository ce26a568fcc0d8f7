import express, { type Router } from 'express';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import type { RequestContext } from '../tenancy/request-context.js';
import type { RequestContextDeps } from '../tenancy/create-request-context.js';
import { createRequestContext } from '../tenancy/create-request-context.js';
import { incomingRequest } from './incoming-request.js';
import { findRows, type Json } from '../common/csv/find-rows.js';
import { toCsv } from '../common/csv/to-csv.js';
import { SECURITY_LIMITS } from '../graphql/security/security-limits.js';
import { MAX_BODY_BYTES, requireJsonBody } from './json-error-handler.js';
import { sendHttpError } from './http-error-body.js';
import { httpErrors } from './http.errors.js';
import { accessErrors } from '../tenancy/access.errors.js';

/**
 * The kinds of operation in the document other than `query`. An export only reads: a mutation or a
 * subscription is refused before anything runs, wherever it sits in the document (whichever operation
 * `operationName` would pick). A document that does not parse yields nothing here; GraphQL reports it.
 */
function nonQueryOperations(query: string): string[] {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: SECURITY_LIMITS.maxTokens });
  } catch {
    return [];
  }
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.operation !== 'query' ? [definition.operation] : [],
  );
}

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
  router.post('/export/csv', requireJsonBody(), express.json({ limit: MAX_BODY_BYTES }), async (req, res) => {
    const body = req.body as { query?: unknown; variables?: unknown; filename?: unknown };
    if (typeof body?.query !== 'string') {
      sendHttpError(res, 400, httpErrors.exportQueryMissing());
      return;
    }
    const refused = nonQueryOperations(body.query);
    if (refused.length > 0) {
      sendHttpError(res, 400, httpErrors.exportNotAQuery(refused[0]!));
      return;
    }
    let contextValue: RequestContext;
    try {
      contextValue = await createRequestContext(deps, incomingRequest(req, deps.tokens));
    } catch (error) {
      const extensions =
        error instanceof GraphQLError
          ? error.extensions
          : { code: 'UNAUTHENTICATED', reason: accessErrors.notSignedIn.reason };
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
