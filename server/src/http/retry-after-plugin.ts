import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A RATE_LIMITED refusal (the login throttle) answers HTTP 429 with `Retry-After` in seconds, taken
 * from the error's `details.retryAfterSeconds`, so scripts and proxies can back off without parsing
 * the GraphQL body (which still carries the same figure and `retryAt`).
 */
export function retryAfterPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          let seconds = 0;
          for (const error of response.body.singleResult.errors ?? []) {
            const details = error.extensions?.['details'] as { retryAfterSeconds?: unknown } | undefined;
            if (error.extensions?.['code'] === 'RATE_LIMITED' && typeof details?.retryAfterSeconds === 'number') {
              seconds = Math.max(seconds, Math.ceil(details.retryAfterSeconds));
            }
          }
          if (seconds === 0) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
