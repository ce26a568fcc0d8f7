import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { Metrics } from '../../observability/metrics.js';
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
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Answers a query from the result cache, or stores its result. Runs after the request transaction has
 * begun (requestTransactionPlugin, didResolveOperation), whose first statement applied the identity,
 * checked the session and read the county's data version; so a hit costs that statement and nothing
 * else, and a revoked session never gets a cached answer. Only queries by signed-in callers whose
 * session stands are cached, and only answers without errors. A GET also gets the key as its ETag and a
 * `304 Not Modified` when `If-None-Match` names it: the same key means the same answer.
 */
export function resultCachePlugin(cache: ResultCache | null, metrics?: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let hit = false;
      let isGet = false;
      return {
        async responseForOperation({ contextValue, operation, operationName, queryHash, request }) {
          const { identity, transaction } = contextValue;
          if (operation.operation !== 'query' || !identity || contextValue.identityRevoked) return null;
          // no transaction (public operations) or no version read: nothing to key the answer by
          if (transaction.dataVersion === undefined || !transaction.open || queryHash === undefined) return null;
          key = resultCacheKey({
            identity,
            dataVersion: transaction.dataVersion,
            queryHash,
            operationName,
            variables: request.variables,
          });
          isGet = request.http?.method === 'GET';
          if (isGet && matchesIfNoneMatch(request.http?.headers.get('if-none-match'), etagOf(key))) {
            metrics?.countResultCache('not_modified');
            hit = true;
            return {
              http: { status: 304, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: {} },
            };
          }
          const data = cache?.get(key);
          metrics?.countResultCache(data ? 'hit' : 'miss');
          if (!data) return null;
          hit = true;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
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
