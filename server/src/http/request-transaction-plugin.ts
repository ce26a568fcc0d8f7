import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context/request-context.js';
import { beginRequestTransaction, endRequestTransaction } from '../common/context/request-transaction.js';
import type { Logger } from '../common/logging/logger.js';
import { isPublicOperation } from '../modules/auth/public-operations.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * A caller that must see its own write at once (a screen reloading right after a mutation) sends this
 * header with the value `primary`: its query then reads the primary, not a replica that may lag.
 */
export const CONSISTENCY_HEADER = 'x-renda-consistency';

export interface RequestTransactionPluginOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Run read-only operations on a read replica when the ORM has one. */
  replicaReads?: boolean;
}

/** Opens the request's transaction when execution starts and closes it once the response is ready. */
export function requestTransactionPlugin(options: RequestTransactionPluginOptions): ApolloServerPlugin<RequestContext> {
  const { logger, metrics } = options;
  return {
    async requestDidStart({ request }) {
      const primaryRequested = request.http?.headers.get(CONSISTENCY_HEADER) === 'primary';
      return {
        async executionDidStart({ contextValue, operation, document }) {
          // No operation matches the request's operationName: execution only reports that, no transaction needed.
          if (!operation) return;
          // Public operations (login) manage their own short transactions; see public-operations.ts.
          if (isPublicOperation(operation, document)) return;
          const readOnly = operation.operation !== 'mutation';
          const began = await beginRequestTransaction(
            contextValue,
            readOnly,
            readOnly && (options.replicaReads ?? false) && !primaryRequested,
          );
          metrics?.countTransaction(began.target);
          if (began.fallbackError !== undefined) {
            metrics?.countReplicaFallback();
            logger.warn('no read replica could open a transaction; reading from the primary', {
              reason: began.fallbackError instanceof Error ? began.fallbackError.message : String(began.fallbackError),
            });
          }
        },
        async willSendResponse({ contextValue, response }) {
          const failed = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) > 0 : true;
          try {
            await endRequestTransaction(contextValue, failed);
          } catch (error) {
            logger.error(error, 'closing the request transaction failed');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: '服务器内部错误 / Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}
