import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isObjectType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AppError } from '../../common/errors/app-error.js';
import { checkValue, textKindOf } from './check-value.js';

/**
 * Arguments (not input fields) whose text may break lines. type-graphql cannot put extensions on an
 * argument, so the few there are named here; input fields declare theirs with TextKindOf.
 */
const MULTI_LINE_ARGUMENTS = new Set(['Mutation.returnQuarterlyReport.reason', 'Mutation.rejectDutyReport.reason']);

/**
 * Checks every argument of every field the operation selects, nested list arguments included
 * (`township { deputies(filter: …) }`), against the text, id and date rules of check-value.ts, using
 * the variables as GraphQL coerces them. Once per operation, before execution: the cost does not grow
 * with the rows a response holds. Arguments GraphQL itself cannot coerce are left to execution, which
 * reports them in its own words.
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
): AppError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  // a fragment spread on the same type is walked once: its arguments are the same wherever it is spread
  const walked = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): AppError | null => {
    for (const selection of selectionSet.selections) {
      let found: AppError | null = null;
      if (selection.kind === Kind.FIELD) {
        // unions have no fields of their own; `__typename` and friends take no input
        const definition = isUnionType(parent) ? undefined : parent.getFields()[selection.name.value];
        if (!definition) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(definition, selection, variables);
        } catch {
          continue;
        }
        for (const arg of definition.args) {
          const kind = MULTI_LINE_ARGUMENTS.has(`${parent.name}.${definition.name}.${arg.name}`)
            ? 'multiLine'
            : textKindOf(arg.extensions);
          found = checkValue(arg.type, args[arg.name], kind, [arg.name]);
          if (found) return found;
        }
        const child = getNamedType(definition.type);
        if (selection.selectionSet && (isObjectType(child) || isAbstractType(child)))
          found = walk(selection.selectionSet, child);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && (isObjectType(condition) || isAbstractType(condition)))
          found = walk(selection.selectionSet, condition);
      } else {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        const key = `${selection.name.value}@${parent.name}`;
        if (fragment && condition && (isObjectType(condition) || isAbstractType(condition)) && !walked.has(key)) {
          walked.add(key);
          found = walk(fragment.selectionSet, condition);
        }
      }
      if (found) return found;
    }
    return null;
  };
  return walk(operation.selectionSet, root);
}
