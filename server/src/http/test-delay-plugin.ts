import type { ApolloServerPlugin } from '@apollo/server';
import { setTimeout as sleep } from 'node:timers/promises';

/** The header a test sets to hold its operation open; honoured only when test hooks are on. */
export const TEST_DELAY_HEADER = 'x-renda-test-delay-ms';
const MAX_DELAY_MS = 30_000;

/**
 * Test hook, never installed in a real deployment (RENDA_TEST_HOOKS, refused with NODE_ENV=production):
 * holds an operation for the header's milliseconds before it executes. Apollo awaits every plugin's
 * executionDidStart together, so the request transaction (opened there too) is open during the wait:
 * the graceful-shutdown test gets a slow request holding a database connection when SIGTERM arrives.
 */
export function testDelayPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const ms = Number(request.http?.headers.get(TEST_DELAY_HEADER) ?? 0);
      if (!Number.isInteger(ms) || ms <= 0) return;
      return {
        async executionDidStart() {
          await sleep(Math.min(ms, MAX_DELAY_MS));
        },
      };
    },
  };
}
