import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import { SECURITY_LIMITS } from './security-limits.js';
import { reportLimitExceeded } from './report-limit-exceeded.js';

/**
 * graphql-armor's depth, alias and directive limits as validation rules. Rejections are reported
 * through `reportLimitExceeded` rather than thrown (`propagateOnRejection: false`): a throw inside
 * validation would surface as a 500. Armor's two plugin-based protections are off: the token limit is
 * graphql-js's own parser option (armor's plugin turns every unexpected error into a validation error),
 * and suggestions are stripped by `stripSuggestionsPlugin`, which also catches the enum-value and
 * inline-fragment hints armor's pattern misses.
 */
export function createArmorValidationRules(): ValidationRule[] {
  const limits = SECURITY_LIMITS;
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      // a fragment spread is not a level of the response; counting it would punish fragment-based clients
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [reportLimitExceeded('depth', limits.maxDepth)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportLimitExceeded('aliases', limits.maxAliases)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportLimitExceeded('directives', limits.maxDirectives)],
    },
    // cost is computed on the coerced variables by costLimitPlugin (armor reads literal `first` only)
    costLimit: { enabled: false },
  }).protect();
  return validationRules;
}
