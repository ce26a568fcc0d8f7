import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { checkOperationInput } from './check-operation-input.js';
import { canonicalVariables } from '../canonical-variables.js';

/**
 * Refuses, before anything executes, an operation whose arguments carry text, ids or dates the platform
 * never accepts (see check-value.ts): BAD_USER_INPUT with the field, HTTP 400, nothing written. The DTO
 * rules still run for what is specific to a field (lengths, formats).
 *
 * An operation that passed is remembered per parsed operation and variables (canonical JSON), as the
 * cost verdicts are (cost-limit-plugin.ts): the check is a function of those and the schema alone, and
 * a dashboard sends the same few operations with the same variables all day. Refusals are not
 * remembered: they are rare, and each gets its own error.
 */
export function inputHygienePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const passed = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; variables: LRUCache<string, true> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let known = passed.get(operation);
          if (!known || known.schema !== schema) {
            known = { schema, variables: new LRUCache<string, true>({ max: 64 }) };
            passed.set(operation, known);
          }
          const key = canonicalVariables(request.variables);
          if (known.variables.has(key)) return;
          const refusal = checkOperationInput(schema, document, operation, request.variables);
          if (!refusal) {
            known.variables.set(key, true);
            return;
          }
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
