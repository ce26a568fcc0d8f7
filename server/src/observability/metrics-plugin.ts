import type { ApolloServerPlugin } from '@apollo/server';
import { requestScope } from '../common/logging/request-scope.js';
import type { Metrics } from './metrics.js';

/**
 * Times every GraphQL request by operation name and type, and counts the errors its response carries
 * by their client-visible code (after the error formatter has mapped them).
 */
export function metricsPlugin<TContext extends object>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ operationName }) {
          const scope = requestScope.getStore();
          if (scope && operationName) scope.operationName = operationName;
        },
        async willSendResponse({ operationName, operation, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(operationName ?? undefined, operation?.operation ?? 'invalid', seconds);
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) metrics.countError(error.extensions?.['code']);
          }
        },
      };
    },
  };
}
