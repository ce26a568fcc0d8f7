import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { AppError } from '../../common/errors/app-error.js';
import { asRequestError } from './as-request-error.js';
import { checkOperationCost } from './operation-cost.js';
import { CostBudget } from './cost-budget.js';

/**
 * Refuses an operation whose cost, computed on its variables and argument defaults, is above the limit,
 * or which asks a page above the cap, once the operation is resolved and before anything executes
 * (no transaction is open yet). A validation rule could not do this: Apollo caches validation per
 * document, and the same document with `first: $n` is cheap for one `n` and ruinous for another.
 * An accepted operation then waits until its cost fits in the server-wide `budget` and holds it until
 * its response is ready, so concurrent heavy queries queue instead of piling up in memory.
 */
export function costLimitPlugin(budget: CostBudget): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      let held: Promise<() => void> | null = null;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let checked: ReturnType<typeof checkOperationCost>;
          try {
            checked = checkOperationCost({
              schema,
              document,
              variables: request.variables,
              operationName: operationName ?? undefined,
            });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            checked = { refusal: error };
          }
          if ('refusal' in checked) throw asRequestError(checked.refusal);
          held = budget.acquire(checked.cost);
          await held;
        },
        async willSendResponse() {
          // Another plugin's didResolveOperation may refuse the request while this one still waits for
          // its turn (Apollo runs them side by side): give the cost back whenever it was granted.
          void held?.then((release) => release());
        },
      };
    },
  };
}
