import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult, ParseOptions, ValidationRule } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { SECURITY_LIMITS } from './security-limits.js';
import { createArmorValidationRules } from './create-armor-validation-rules.js';
import { introspectionGuardPlugin } from './introspection-guard-plugin.js';
import { stripSuggestionsPlugin } from './strip-suggestions-plugin.js';
import { costLimitPlugin } from './cost-limit-plugin.js';
import { responseSizeLimit } from './response-size-limit.js';
import { CostBudget } from './cost-budget.js';

/** What the ApolloServer options take from the hardening; CSRF prevention and batching stay there. */
export interface GraphQLSecurity {
  plugins: ApolloServerPlugin<RequestContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  stringifyResult(value: FormattedExecutionResult): string;
}

/**
 * Query limits apply in every mode, so a query that passes in development passes in production too.
 * Only in production are anonymous callers denied introspection and errors stripped of suggestions:
 * outside it both help whoever is writing queries.
 */
export function createGraphQLSecurity(options: { production: boolean }): GraphQLSecurity {
  const responseSize = responseSizeLimit(SECURITY_LIMITS.maxResponseBytes);
  return {
    plugins: [
      costLimitPlugin(new CostBudget(SECURITY_LIMITS.maxCostInFlight)),
      responseSize.plugin,
      ...(options.production ? [introspectionGuardPlugin(), stripSuggestionsPlugin()] : []),
    ],
    validationRules: createArmorValidationRules(),
    parseOptions: { maxTokens: SECURITY_LIMITS.maxTokens },
    stringifyResult: responseSize.stringifyResult,
  };
}
