import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { AppError } from '../../common/errors/app-error.js';
import { asRequestError } from './as-request-error.js';
import { checkOperationCost } from './operation-cost.js';
import { CostBudget } from './cost-budget.js';
import { canonicalVariables } from '../canonical-variables.js';
import { OperationMemo } from '../operation-memo.js';

/**
 * Refuses an operation whose cost, computed on its variables and argument defaults, is above the limit,
 * or which asks a page above the cap, once the operation is resolved and before anything executes
 * (no transaction is open yet). A validation rule could not do this: Apollo caches validation per
 * document, and the same document with `first: $n` is cheap for one `n` and ruinous for another.
 * An accepted operation then waits until its cost fits in the server-wide `budget` and holds it until
 * its response is ready, so concurrent heavy queries queue instead of piling up in memory.
 */
export function costLimitPlugin(budget: CostBudget): ApolloServerPlugin<BaseContext> {
  const verdicts = new CostVerdicts();
  return {
    async requestDidStart() {
      let held: Promise<() => void> | null = null;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const checked = verdicts.check(schema, document, request.variables, operationName ?? undefined);
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

type Verdict = ReturnType<typeof checkOperationCost>;

/**
 * Verdicts remembered per parsed document, then per operation name and variables (operation-memo.ts):
 * the analysis (a walk of the whole document) runs once per combination.
 */
class CostVerdicts {
  private readonly memo = new OperationMemo<Verdict>();

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): Verdict {
    const key = `${operationName ?? ''}\u0000${canonicalVariables(variables)}`;
    const known = this.memo.get(schema, document, key);
    if (known) return known;
    const verdict = evaluate({ schema, document, variables, operationName });
    this.memo.set(schema, document, key, verdict);
    return verdict;
  }
}

function evaluate(request: Parameters<typeof checkOperationCost>[0]): Verdict {
  try {
    return checkOperationCost(request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { refusal: error };
  }
}
