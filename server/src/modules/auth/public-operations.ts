import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Root fields open to anonymous callers (`@Authorized(PUBLIC)`; a test keeps the two in step). An
 * operation made only of these runs without the request transaction: `login` records failed attempts,
 * which must survive the refusal it then returns; `activateAccount` redeems its token in one
 * security-definer statement of its own. Once either has verified who signs in, the payload's nested fields
 * are read as that user in a read-only transaction (signed-in.ts).
 */
export const PUBLIC_ROOT_FIELDS = new Set(['login', 'activateAccount']);

/** Root field names of an operation, through inline fragments and fragment spreads. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, seen);
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return names;
}

export function isPublicOperation(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const names = rootFieldNames(operation, document);
  return names.length > 0 && names.every((name) => PUBLIC_ROOT_FIELDS.has(name));
}
