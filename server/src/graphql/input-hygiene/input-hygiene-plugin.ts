import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { checkOperationInput } from './check-operation-input.js';
import { canonicalVariables } from '../canonical-variables.js';
import { OperationMemo } from '../operation-memo.js';

/**
 * Refuses, before anything executes, an operation whose arguments carry text, ids or dates the platform
 * never accepts (see check-value.ts): BAD_USER_INPUT with the field, HTTP 400, nothing written. The DTO
 * rules still run for what is specific to a field (lengths, formats).
 *
 * An operation that passed is remembered per parsed operation and variables (operation-memo.ts), as the
 * cost verdicts are. Refusals are not remembered: they are rare, and each gets its own error.
 */
export function inputHygienePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const passed = new OperationMemo<true>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const key = canonicalVariables(request.variables);
          if (passed.get(schema, operation, key)) return;
          const refusal = checkOperationInput(schema, document, operation, request.variables);
          if (!refusal) {
            passed.set(schema, operation, key, true);
            return;
          }
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
