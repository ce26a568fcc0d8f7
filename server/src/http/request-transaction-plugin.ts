import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context/request-context.js';
import { beginRequestTransaction, endRequestTransaction } from '../common/context/request-transaction.js';
import type { ErrorLogger } from '../common/errors/format-graphql-error.js';
import { isPublicOperation } from '../modules/auth/public-operations.js';

/** Opens the request's transaction when execution starts and closes it once the response is ready. */
export function requestTransactionPlugin(logger: ErrorLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation, document }) {
          // Public operations (login) manage their own short transactions; see public-operations.ts.
          if (isPublicOperation(operation, document)) return;
          await beginRequestTransaction(contextValue, operation.operation !== 'mutation');
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
