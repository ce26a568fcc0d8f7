import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { checkOperationInput } from './check-operation-input.js';

/**
 * Refuses, before anything executes, an operation whose arguments carry text, ids or dates the platform
 * never accepts (see check-value.ts): BAD_USER_INPUT with the field, HTTP 400, nothing written. The DTO
 * rules still run for what is specific to a field (lengths, formats).
 */
export function inputHygienePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refusal = checkOperationInput(schema, document, operation, request.variables);
          if (!refusal) return;
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      };
    },
  };
}
