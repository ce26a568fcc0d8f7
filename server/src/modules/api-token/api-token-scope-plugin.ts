import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, getNamedType, isLeafType, visit, visitWithTypeInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { AppError } from '../../common/errors/app-error.js';
import { apiTokenErrors } from './api-token.errors.js';

/**
 * The object types an API token's operations answer with. A token acts as its township's clerk, whom
 * row-level security lets read the whole township, so the auth checker's root-field scope alone would
 * let `quarterlyReports { nodes { township { deputies { … } } } }` read deputies' phones: every field an
 * API token selects must therefore stay within these types (scalars and enums aside).
 */
export const API_TOKEN_TYPES: ReadonlySet<string> = new Set([
  'QuarterlyReportDraft',
  'DraftValue',
  'QuarterlyReport',
  'QuarterlyReportValue',
  'QuarterlyReportRevision',
  'RevisionValue',
  'SubmitQuarterlyReportPayload',
  'QuarterlyReportConnection',
  'QuarterlyReportEdge',
  'PageInfo',
]);

/** Refuses, before execution, an API token's document that reaches beyond the token's payload types. */
export function apiTokenScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          if (!contextValue.identity?.apiToken) return;
          const typeInfo = new TypeInfo(schema);
          let refusal: AppError | null = null;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Field(node) {
                const parent = typeInfo.getParentType();
                const type = typeInfo.getType();
                // Root fields are the auth checker's (the token's named operations); introspection is harmless.
                if (!parent || !type || parent === schema.getQueryType() || parent === schema.getMutationType()) return;
                const named = getNamedType(type);
                if (isLeafType(named) || named.name.startsWith('__') || API_TOKEN_TYPES.has(named.name)) return;
                refusal ??= apiTokenErrors.typeOutOfScope(`${parent.name}.${node.name.value}`, named.name);
              },
            }),
          );
          if (refusal) throw refusal;
        },
      };
    },
  };
}
