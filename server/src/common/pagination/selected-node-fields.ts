import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Each field of a selection set, through inline fragments and named fragments, in document order. */
export function collectFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment') collectFields(selection.selectionSet, fragments, visit);
    else collectFields(fragments[selection.name.value]?.selectionSet, fragments, visit);
  }
}

/**
 * The fields a connection field's caller selects on its nodes (`nodes { … }` and `edges { node { … } }`),
 * through fragments. `@skip`/`@include` are ignored, so the set may be larger than needed, never smaller.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  return selectedFields({ fieldNodes: nodeFieldNodes(info), fragments: info.fragments });
}

/** The fields the caller selects directly on this field's result, through fragments (same caveat). */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  for (const field of info.fieldNodes)
    collectFields(field.selectionSet, info.fragments, (f) => names.add(f.name.value));
  return names;
}

/** A connection's `nodes` and `edges { node }` field nodes: those whose selection sets are its rows' fields. */
export function nodeFieldNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): FieldNode[] {
  const found: FieldNode[] = [];
  for (const field of info.fieldNodes) {
    collectFields(field.selectionSet, info.fragments, (child) => {
      if (child.name.value === 'nodes') found.push(child);
      else if (child.name.value === 'edges') {
        collectFields(child.selectionSet, info.fragments, (edge) => {
          if (edge.name.value === 'node') found.push(edge);
        });
      }
    });
  }
  return found;
}
