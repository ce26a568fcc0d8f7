import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function collect(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (name: string, selectionSet: SelectionSetNode | undefined) => void,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection.name.value, selection.selectionSet);
    else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, fragments, visit);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, visit);
  }
}

/**
 * The fields a connection field's caller selects on its nodes (`nodes { … }` and `edges { node { … } }`),
 * through fragments. `@skip`/`@include` are ignored, so the set may be larger than needed, never smaller.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const addNode = (name: string) => names.add(name);
  for (const field of info.fieldNodes) {
    collect(field.selectionSet, info.fragments, (name, selectionSet) => {
      if (name === 'nodes') collect(selectionSet, info.fragments, addNode);
      else if (name === 'edges') {
        collect(selectionSet, info.fragments, (edgeField, nodeSelection) => {
          if (edgeField === 'node') collect(nodeSelection, info.fragments, addNode);
        });
      }
    });
  }
  return names;
}

/** The fields the caller selects directly on this field's result, through fragments (same caveat). */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  for (const field of info.fieldNodes) collect(field.selectionSet, info.fragments, (name) => names.add(name));
  return names;
}

/** A connection's `nodes` and `edges { node }` field nodes: those whose selection sets are its rows' fields. */
export function nodeFieldNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): FieldNode[] {
  const found: FieldNode[] = [];
  const within = (selectionSet: SelectionSetNode | undefined, name: string, use: (node: FieldNode) => void) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (selection.name.value === name) use(selection);
      } else if (selection.kind === 'InlineFragment') within(selection.selectionSet, name, use);
      else within(info.fragments[selection.name.value]?.selectionSet, name, use);
    }
  };
  for (const field of info.fieldNodes) {
    within(field.selectionSet, 'nodes', (node) => found.push(node));
    within(field.selectionSet, 'edges', (edges) => within(edges.selectionSet, 'node', (node) => found.push(node)));
  }
  return found;
}
