import type { ApolloServerPlugin } from '@apollo/server';
import type { ResolvedOperation } from '../graphql/result-cache/result-cache-plugin.js';
import type { CachedAnswer, RequestContext } from '../tenancy/request-context.js';
import { probeIdentity } from '../tenancy/apply-identity.js';
import {
  beginRequestTransaction,
  committedLsn,
  endRequestTransaction,
  identityChecked,
} from '../tenancy/request-transaction.js';
import { authErrors } from '../modules/auth/auth.errors.js';
import { LSN_PATTERN } from '../database/begin-on-replica.js';
import { httpErrors } from './http.errors.js';
import { mapAvailabilityError, RETRY_AFTER_SECONDS } from '../common/errors/map-availability-error.js';
import type { Logger } from '../common/logging/logger.js';
import { isPublicOperation } from '../modules/auth/public-operations.js';
import type { Metrics } from '../observability/metrics.js';
import { TenantBulkhead } from './tenant-bulkhead.js';
import { httpErrorBody } from './http-error-body.js';
import { INTERNAL_ERROR } from '../common/errors/format-graphql-error.js';

/**
 * A caller that must see its own write at once (a screen reloading right after a mutation) sends this
 * header with the value `primary`: its query then reads the primary, not a replica that may lag.
 */
export const CONSISTENCY_HEADER = 'x-renda-consistency';

/**
 * Read-your-writes with replicas: with replicas configured, a committed mutation answers with the
 * primary's WAL position in LSN_HEADER; the dashboard keeps the highest it has seen and sends it back in
 * MIN_LSN_HEADER, and a replica serves that caller's reads only once it has replayed that far (else
 * the primary does). Cheaper than CONSISTENCY_HEADER: reads leave the primary as soon as replay allows.
 */
export const LSN_HEADER = 'x-renda-lsn';
export const MIN_LSN_HEADER = 'x-renda-min-lsn';

export interface RequestTransactionPluginOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Run read-only operations on a read replica when the ORM has one. */
  replicaReads?: boolean;
  /** Caps the connections one township or user holds at once (see tenant-bulkhead.ts). */
  bulkhead?: TenantBulkhead;
  /**
   * The result cache's answer at a data version, when it has one (data or a 304); with it, a query is
   * first probed outside any transaction and a hit opens none (graphql/result-cache/).
   */
  cachedAnswer?: (requestContext: ResolvedOperation, dataVersion: string) => CachedAnswer | null;
}

/**
 * Opens the request's transaction once the operation is known and closes it once the response is ready.
 * It opens in didResolveOperation, not executionDidStart: an error there still gets a formatted response
 * and willSendResponse (which releases the bulkhead permit), whereas Apollo answers a failing
 * executionDidStart outside its pipeline. A TIMEOUT or UNAVAILABLE answer gets HTTP 503 and Retry-After.
 */
export function requestTransactionPlugin(options: RequestTransactionPluginOptions): ApolloServerPlugin<RequestContext> {
  const { logger, metrics, bulkhead } = options;
  return {
    async requestDidStart({ request }) {
      const primaryRequested = request.http?.headers.get(CONSISTENCY_HEADER) === 'primary';
      const minLsn = request.http?.headers.get(MIN_LSN_HEADER)?.trim() || undefined;
      const replicaReads = options.replicaReads ?? false;
      let wrote = false;
      // Settles once the transaction is open (or failed to open); the response waits for it.
      let opening: Promise<void> | null = null;
      let release: (() => void) | null = null;
      return {
        async didResolveOperation(requestContext) {
          const { contextValue, operation, document } = requestContext;
          // No operation matches the request's operationName: execution only reports that, no transaction needed.
          if (!operation) return;
          // Public operations (login) manage their own short transactions; see public-operations.ts.
          if (isPublicOperation(operation, document)) return;
          const readOnly = operation.operation !== 'mutation';
          if (minLsn !== undefined && !LSN_PATTERN.test(minLsn)) throw httpErrors.minLsnInvalid(MIN_LSN_HEADER);
          wrote = !readOnly;
          opening = (async () => {
            if (bulkhead) release = await bulkhead.acquire(TenantBulkhead.key(contextValue.identity));
            // With read replicas no probe: it would read the primary's version outside the routing below
            // (replica, lag, the caller's LSN, a primary that is gone); the transaction's own version read,
            // wherever it runs, still finds cached answers (result-cache-plugin.ts).
            if (readOnly && options.cachedAnswer && contextValue.identity && !replicaReads) {
              // One statement instead of BEGIN, the identity and COMMIT when the answer is cached; a miss
              // then opens the transaction as always (whose own version read keys what it stores).
              const probe = await probeIdentity(contextValue.em, contextValue.identity);
              const answer = probe.valid ? options.cachedAnswer(requestContext, probe.dataVersion) : null;
              if (answer) {
                contextValue.transaction.dataVersion = probe.dataVersion;
                contextValue.transaction.cached = answer;
                return;
              }
              if (probe.valid) contextValue.transaction.probedMiss = true;
            }
            const began = await beginRequestTransaction(
              contextValue,
              readOnly,
              readOnly && replicaReads && !primaryRequested,
              minLsn,
            );
            metrics?.countTransaction(began.target);
            if (began.lagging) metrics?.countReplicaLagFallback();
            if (began.fallbackError !== undefined) {
              metrics?.countReplicaFallback();
              logger.warn('no read replica could open a transaction; reading from the primary', {
                reason:
                  began.fallbackError instanceof Error ? began.fallbackError.message : String(began.fallbackError),
              });
            }
          })();
          await opening;
        },
        async willSendResponse({ contextValue, response }) {
          await opening?.catch(() => undefined);
          let failed = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) > 0 : true;
          // A read-only transaction's identity travelled with its first statement: only now is it known
          // whether the session stands. If not, nothing it ran saw a tenant's rows (no setting was applied),
          // and the answer is the refusal the auth checker gives a session known to be ended. If the answer
          // never came (the connection failed), the transaction still ends before the failure is reported.
          let identityError: unknown;
          if (contextValue.transaction.open && !contextValue.identityRevoked) {
            try {
              await identityChecked(contextValue);
            } catch (error) {
              identityError = error;
              failed = true;
            }
            if (identityError === undefined && contextValue.identityRevoked && response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = httpErrorBody(authErrors.sessionRevoked()).errors;
              failed = true;
            }
          }
          try {
            await endRequestTransaction(contextValue, failed);
            if (identityError !== undefined) throw identityError;
            if (wrote && !failed && replicaReads) {
              const lsn = await committedLsn(contextValue);
              if (lsn) response.http.headers.set(LSN_HEADER, lsn);
            }
          } catch (caught) {
            const error = identityError ?? caught;
            logger.error(error, 'closing the request transaction failed');
            if (response.body.kind === 'single') {
              const mapped = mapAvailabilityError(error);
              response.body.singleResult.data = null;
              response.body.singleResult.errors = mapped
                ? httpErrorBody(mapped).errors
                : [
                    {
                      message: '服务器内部错误 / Internal server error',
                      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: INTERNAL_ERROR },
                    },
                  ];
            }
          } finally {
            release?.();
          }
          if (response.body.kind === 'single') {
            const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.['code']));
            const retryAfter = Math.max(0, ...codes.map((code) => RETRY_AFTER_SECONDS[code] ?? 0));
            if (retryAfter > 0) {
              response.http.status = 503;
              response.http.headers.set('retry-after', String(retryAfter));
            }
          }
        },
      };
    },
  };
}
