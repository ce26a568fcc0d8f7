import fc from 'fast-check';
import type { TestServer } from './test-server.js';
import { acceptedOrRefused } from './accepted-or-refused.js';
import { inputArbitraries } from './input-arbitraries.js';

export interface WritePropertySpec<R> {
  /** The mutation's root field, e.g. `createDeputy`. */
  field: string;
  /** The operation, taking its arguments as variables. */
  query: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
  /** Records what an accepted mutation returned (in a WriteLedger). */
  onAccepted(result: R): void;
  numRuns?: number;
  /** Who sends it; the township clerk mostly when omitted (`inputArbitraries.caller()`). */
  caller?: fc.Arbitrary<string>;
}

/**
 * Sends random and malformed arguments, from random callers, to one mutation: every response is either
 * accepted or a refusal with a client-facing code (never INTERNAL_SERVER_ERROR). Returns the tallies so
 * the caller can check that both outcomes occurred.
 */
export async function runWriteProperty<R>(
  t: TestServer,
  spec: WritePropertySpec<R>,
): Promise<{ accepted: number; refused: number }> {
  const tally = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(spec.variables, spec.caller ?? inputArbitraries.caller(), async (variables, as) => {
      const res = await t.graphql<Record<string, R | null>>(spec.query, variables, { as });
      const result = acceptedOrRefused(res, spec.field);
      if (result === null) tally.refused++;
      else {
        tally.accepted++;
        spec.onAccepted(result);
      }
    }),
    { numRuns: spec.numRuns ?? 100, seed: 20261125 },
  );
  return tally;
}
