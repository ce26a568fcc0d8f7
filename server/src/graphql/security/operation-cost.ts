import type { DocumentNode, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
// The CommonJS build: its ES build imports `graphql/index.mjs`, a second copy of graphql next to the
// `graphql/index.js` that type-graphql's schema is made of, and graphql refuses to mix the two.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { AppError } from '../../common/errors/app-error.js';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection-args.js';
import { SECURITY_LIMITS } from './security-limits.js';
import { securityErrors } from './security.errors.js';

/** The argument that sizes a list. Every connection takes it; its default (20) counts like a given value. */
const PAGE_ARGUMENT = 'first';

/**
 * Per field: a leaf costs `scalarCost`; an object `objectCost` plus its children, times the page size
 * when the field takes `first`. `args` are the field's coerced arguments (variables substituted,
 * defaults filled in), so `first: $n` and an omitted `first` count at what the resolver will use.
 * Introspection is free (it reads the schema, not the database), as it was under graphql-armor.
 */
const pageCostEstimator: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
  if (field.name.startsWith('__') && field.name !== '__typename') return 0;
  if (!node.selectionSet) return SECURITY_LIMITS.scalarCost;
  let rows = 1;
  const first: unknown = args[PAGE_ARGUMENT];
  if (typeof first === 'number' && field.args.some((arg) => arg.name === PAGE_ARGUMENT)) {
    if (first > MAX_PAGE_SIZE) throw pageTooLarge(node.alias?.value ?? field.name, first);
    rows = Math.max(first, 1);
  }
  return (SECURITY_LIMITS.objectCost + childComplexity) * rows;
};

function pageTooLarge(fieldName: string, first: number): AppError {
  return securityErrors.pageTooLarge(fieldName, PAGE_ARGUMENT, first, MAX_PAGE_SIZE);
}

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

/**
 * The cost of the operation that is about to run, or null when its variables do not coerce (execution
 * then refuses them itself, before any resolver runs). Throws the refusal (an AppError) when a page is
 * above the cap; a document whose fragments expand beyond graphql-query-complexity's node limit costs
 * more than any limit.
 */
export function operationCost(request: CostRequest): number | null {
  try {
    return getComplexity({
      schema: request.schema,
      query: request.document,
      variables: request.variables ?? {},
      ...(request.operationName ? { operationName: request.operationName } : {}),
      estimators: [pageCostEstimator],
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

/** The operation's cost when it may run (0 when its variables do not coerce), or the refusal. */
export function checkOperationCost(request: CostRequest): { cost: number } | { refusal: AppError } {
  const cost = operationCost(request);
  if (cost === null) return { cost: 0 };
  if (cost <= SECURITY_LIMITS.maxCost) return { cost };
  return { refusal: securityErrors.limitExceeded.cost(SECURITY_LIMITS.maxCost, Number.isFinite(cost) ? cost : null) };
}
