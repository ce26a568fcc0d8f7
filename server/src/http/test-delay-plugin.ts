import type { ApolloServerPlugin } from '@apollo/server';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestContext } from '../tenancy/request-context.js';
import { identityChecked } from '../tenancy/request-transaction.js';

/** The header a test sets to hold its operation open; honoured only when test hooks are on. */
export const TEST_DELAY_HEADER = 'x-renda-test-delay-ms';
const MAX_DELAY_MS = 30_000;

/**
 * Test hook, never installed in a real deployment (RENDA_TEST_HOOKS, refused with NODE_ENV=production):
 * holds an operation for the header's milliseconds before it executes, inside its transaction. A read's
 * identity statement would travel with its first statement (request-transaction.ts), so the hold sends it
 * first: the transaction is open on the server during the wait, as a slow statement's would be. The
 * graceful-shutdown test gets a slow request holding a database connection when SIGTERM arrives, and the
 * timeout tests a transaction PostgreSQL ends for idling.
 */
export function testDelayPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const ms = Number(request.http?.headers.get(TEST_DELAY_HEADER) ?? 0);
      if (!Number.isInteger(ms) || ms <= 0) return;
      return {
        async executionDidStart({ contextValue }) {
          if (contextValue.transaction.open) await identityChecked(contextValue);
          await sleep(Math.min(ms, MAX_DELAY_MS));
        },
      };
    },
  };
}
