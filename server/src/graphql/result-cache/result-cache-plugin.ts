import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { CachedAnswer, RequestContext } from '../../tenancy/request-context.js';
import type { Metrics } from '../../observability/metrics.js';
import { identityChecked } from '../../tenancy/request-transaction.js';
import { resultCacheKey, type CachedData, type ResultCache } from './result-cache.js';

/**
 * GET responses may be stored, by the browser only (`private`: they are one user's), and must be
 * revalidated each time (`no-cache`): the ETag, which carries the data version, says whether they still hold.
 */
export const GET_CACHE_CONTROL = 'private, no-cache';

/** The ETag of a result: its cache key, quoted. */
export function etagOf(key: string): string {
  return `"${key}"`;
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed.replace(/^W\//, '') === etag;
  });
}

/** What a lookup needs of Apollo's request context once the operation is resolved. */
export interface ResolvedOperation {
  contextValue: RequestContext;
  operation?: OperationDefinitionNode | undefined;
  operationName?: string | null | undefined;
  queryHash?: string | undefined;
  request: GraphQLRequest;
}

/**
 * The cache's answer to a resolved operation at a data version: its key, the data when the cache holds
 * it, and whether a GET's `If-None-Match` names the key (304). null when the operation is not cached:
 * mutations, anonymous callers, revoked sessions, operations without a document hash.
 */
export function lookUpAnswer(
  cache: ResultCache | null,
  requestContext: ResolvedOperation,
  dataVersion: string,
): CachedAnswer | null {
  const { contextValue, operation, operationName, queryHash, request } = requestContext;
  const { identity } = contextValue;
  if (operation?.operation !== 'query' || !identity || contextValue.identityRevoked || queryHash === undefined) {
    return null;
  }
  const key = resultCacheKey({ identity, dataVersion, queryHash, operationName, variables: request.variables });
  const notModified =
    request.http?.method === 'GET' && matchesIfNoneMatch(request.http.headers.get('if-none-match'), etagOf(key));
  return { key, data: notModified ? null : (cache?.get(key) ?? null), notModified };
}

/**
 * Answers a query from the result cache, or stores its result. Two ways to a hit: the request
 * transaction plugin probes first (one statement outside any transaction: the session still stands, and
 * the county's data version) and, on a hit, opens no transaction and leaves the answer in the context;
 * otherwise the transaction has begun, its first statement applied the identity and read the data
 * version, and the lookup here uses that version (and a miss executes and is stored under it). Either
 * way a revoked session never gets a cached answer. Only queries by signed-in callers whose session
 * stands are cached, and only answers without errors. A GET also gets the key as its ETag and a
 * `304 Not Modified` when `If-None-Match` names it: the same key means the same answer.
 */
export function resultCachePlugin(cache: ResultCache | null, metrics?: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let hit = false;
      let isGet = false;
      return {
        async responseForOperation(requestContext) {
          const { contextValue } = requestContext;
          const { transaction } = contextValue;
          isGet = requestContext.request.http?.method === 'GET';
          let answer = transaction.cached ?? null;
          // A read-only transaction's version comes with its first statement. Waiting for it here costs a
          // round trip, worth it only for a GET (a 304), or a lookup the probe has not just made.
          if (!answer && transaction.open && (isGet || (cache && !transaction.probedMiss))) {
            await identityChecked(contextValue);
          }
          // no transaction (public operations) or no version read: nothing to key the answer by
          if (!answer && transaction.open && transaction.dataVersion !== undefined) {
            answer = lookUpAnswer(cache, requestContext, transaction.dataVersion);
          }
          if (!answer) return null;
          key = answer.key;
          if (answer.notModified) {
            metrics?.countResultCache('not_modified');
            hit = true;
            return { http: { status: 304, headers: new HeaderMap() }, body: { kind: 'single', singleResult: {} } };
          }
          metrics?.countResultCache(answer.data ? 'hit' : 'miss');
          if (!answer.data) return null;
          hit = true;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: answer.data } } };
        },
        async willSendResponse(requestContext) {
          const { response, contextValue } = requestContext;
          if (key === null && cache && contextValue.transaction.identity && response.body.kind === 'single') {
            // the answer was computed before its version was known: key it now (a revoked session gets none)
            await identityChecked(contextValue);
            const { dataVersion } = contextValue.transaction;
            if (dataVersion !== undefined) key = lookUpAnswer(null, requestContext, dataVersion)?.key ?? null;
            // a miss, as the lookup before execution counted it (the probe before the transaction counts none)
            if (key !== null) metrics?.countResultCache('miss');
          }
          if (key === null || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const status = response.http.status;
          if (status === 304) {
            response.http.headers.set('etag', etagOf(key));
            response.http.headers.set('cache-control', GET_CACHE_CONTROL);
            return;
          }
          if ((singleResult.errors?.length ?? 0) > 0 || !singleResult.data || (status ?? 200) !== 200) return;
          if (!hit) cache?.set(key, singleResult.data as CachedData);
          if (isGet) {
            response.http.headers.set('etag', etagOf(key));
            response.http.headers.set('cache-control', GET_CACHE_CONTROL);
          }
        },
      };
    },
  };
}
