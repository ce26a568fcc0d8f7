import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { findRepoRoot } from '@renda/server/dist/config/app-config.js';

/**
 * The dashboard's own GraphQL documents (dashboard/src/features/**\/*.graphql), read at run time so a
 * page-load workload always sends what the pages send: operations by name, with the fragments they use.
 */
export interface DashboardDocuments {
  /** The operation and every fragment it spreads, printed as one document. */
  document(name: string): string;
  /** Nesting depth of the operation: fields with a selection of their own, connection wrappers aside. */
  depth(name: string): number;
  operationNames(): string[];
}

/** A connection's wrappers are not a level of their own: `deputies { nodes { … } }` is one level. */
const WRAPPERS = new Set(['nodes', 'edges', 'node', 'pageInfo']);

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}

export function readDashboardDocuments(
  featuresDir = join(findRepoRoot(), 'dashboard', 'src', 'features'),
): DashboardDocuments {
  const operations = new Map<string, OperationDefinitionNode>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(featuresDir)) {
    for (const definition of parse(readFileSync(file, 'utf8')).definitions as readonly DefinitionNode[]) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        operations.set(definition.name.value, definition);
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
  }
  const operation = (name: string) => {
    const found = operations.get(name);
    if (!found) throw new Error(`the dashboard has no operation ${name}`);
    return found;
  };
  const fragment = (name: string) => {
    const found = fragments.get(name);
    if (!found) throw new Error(`the dashboard has no fragment ${name}`);
    return found;
  };
  const spreads = (set: SelectionSetNode | undefined, into: Set<string>): Set<string> => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (!into.has(selection.name.value)) {
          into.add(selection.name.value);
          spreads(fragment(selection.name.value).selectionSet, into);
        }
      } else spreads(selection.selectionSet, into);
    }
    return into;
  };
  const depthOf = (set: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        deepest = Math.max(deepest, depthOf(fragment(selection.name.value).selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else if (selection.selectionSet) {
        const inner = depthOf(selection.selectionSet);
        deepest = Math.max(deepest, WRAPPERS.has(selection.name.value) ? inner : inner + 1);
      }
    }
    return deepest;
  };
  return {
    document(name) {
      const op = operation(name);
      const used = [...spreads(op.selectionSet, new Set<string>())].sort();
      return [print(op), ...used.map((f) => print(fragment(f)))].join('\n\n');
    },
    depth: (name) => depthOf(operation(name).selectionSet),
    operationNames: () => [...operations.keys()].sort(),
  };
}

/** Depth of any GraphQL document's first operation (B1, B2 and PostGraphile's texts), by the same rule. */
export function documentDepth(text: string): number {
  const docs = parse(text);
  const op = docs.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation in the document');
  const depthOf = (set: SelectionSetNode | undefined): number =>
    Math.max(
      0,
      ...(set?.selections ?? []).map((s) =>
        s.kind === Kind.FIELD && s.selectionSet
          ? depthOf(s.selectionSet) + (WRAPPERS.has(s.name.value) ? 0 : 1)
          : s.kind === Kind.INLINE_FRAGMENT
            ? depthOf(s.selectionSet)
            : 0,
      ),
    );
  return depthOf(op.selectionSet);
}
