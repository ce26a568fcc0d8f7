import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../tenancy/request-context.js';
import { securityErrors } from './security.errors.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Anywhere in the document, fragments included: cheaper to refuse than to work out what would run. */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * Production only: the schema is not published to anonymous callers (it maps out every query an
 * attacker could try), while signed-in users keep introspection for their tools. Apollo's own
 * `introspection: false` cannot tell the two apart (validation runs without the context and its result is
 * cached per document), so Apollo's switch stays on and this refuses after the operation is resolved,
 * when the request context is known. `__typename` stays allowed: clients need it for unions and caches.
 * It needs only the caller's identity from the context, so it also guards a server with a smaller one.
 */
export function introspectionGuardPlugin(): ApolloServerPlugin<Pick<RequestContext, 'identity'>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.identity !== null || !asksForSchema(document)) return;
          const error = securityErrors.introspectionSignedOut();
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 401 } } });
        },
      };
    },
  };
}
