import type DataLoader from 'dataloader';
import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './request-context.js';
import { groupBy } from '../common/pagination/group-by.js';
import { findReadOnlyRows, readProperties } from '../common/entities/find-read-only.js';
import { propsForFields } from '../common/entities/selected-props.js';
import { collectFields, selectedFields } from '../common/pagination/selected-node-fields.js';
import { readRows } from '../common/entities/read-batcher.js';
import { rowHydrator } from '../common/entities/read-only-hydrator.js';
import { parentIdsOf, type ReadAlongside } from '../common/entities/read-alongside.js';
import { quoteIdentifier } from '../common/sql/quote-identifier.js';

/**
 * What a list field's caller selected on its rows, so the read selects only the columns those fields need
 * (`propsForFields`); `idOnlyFields` names the row type's field resolvers that read nothing but its id.
 */
export interface ListSelection {
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;
  idOnlyFields?: readonly string[];
}

/** A small unpaginated child list: its rows' entity, the property naming the parent, the order. */
export interface ChildListSpec<T extends object> {
  entity: EntityClass<T>;
  parentProperty: keyof T & string;
  orderBy: Record<string, 'asc' | 'desc'>;
  /** The child type's field resolvers that read only its id. */
  idOnlyFields?: readonly string[];
}

interface ChildList<T> {
  loader: DataLoader<string, T[]>;
  /** The properties read, or null for every ordinary column. */
  props: string[] | null;
}

function childList<T extends object>(
  ctx: RequestContext,
  spec: ChildListSpec<T>,
  selection: ListSelection | undefined,
): ChildList<T> {
  const { entity, parentProperty, orderBy } = spec;
  const meta = ctx.em.getMetadata().get(entity) as EntityMetadata;
  const selected = selection
    ? propsForFields(meta, selectedFields(selection.info), selection.idOnlyFields ?? spec.idOnlyFields ?? [])
    : null;
  const props = selected ? [...new Set([...selected, parentProperty, ...Object.keys(orderBy)])].sort() : null;
  const key = `${entity.name}.${parentProperty}${props ? `:${props.join(',')}` : ''}`;
  const loader = ctx.loaders.lists<T>(key, async (ids) => {
    const found = await findReadOnlyRows(ctx.em, entity, childWhere(ctx, meta, parentProperty, ids) as never, {
      orderBy,
      props,
      // The rows' own foldable child lists, read in this statement (for the selection that made the loader).
      ...(selection ? { alongside: foldedChildLists(ctx, entity as EntityClass<object>, selection.info) } : {}),
    });
    return byParent(meta, parentProperty, found);
  });
  return { loader, props };
}

/**
 * Children by their parent's id, in their order. By the foreign key column itself: the relation's reference
 * is made only if something reads it.
 */
function byParent<T>(
  meta: EntityMetadata,
  parentProperty: string,
  found: readonly { entity: T; row: Record<string, unknown> }[],
): Map<string, T[]> {
  const column = meta.properties[parentProperty as never]!.fieldNames[0]!;
  const grouped = groupBy(found, ({ row }) => String(row[column] ?? ''));
  return new Map([...grouped].map(([id, list]) => [id, list.map(({ entity }) => entity)]));
}

/**
 * Row-level security keeps a request to its county; naming it too lets Citus route the statement to the
 * county's shard rather than every shard. Only for county-scoped entities (those with a `county`).
 */
function countyOf(ctx: RequestContext, meta: EntityMetadata, parentProperty: string): string | null {
  const scoped = ctx.identity && parentProperty !== 'county' && meta.properties['county' as never];
  return scoped ? ctx.identity!.countyId : null;
}

function childWhere(ctx: RequestContext, meta: EntityMetadata, parentProperty: string, ids: readonly string[]) {
  const county = countyOf(ctx, meta, parentProperty);
  return { [parentProperty]: { $in: [...ids] }, ...(county ? { county } : {}) };
}

/**
 * The loader behind a small unpaginated child list: every parent's children in one statement, read-only rows.
 * With a `selection`, only the selected fields' columns (and the parent's and the order's) are read; parents
 * selecting the same fields share the statement, the selection being part of the loader's key.
 */
export function childLists<T extends object>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
  selection?: ListSelection,
): DataLoader<string, T[]> {
  return childList(ctx, { entity, parentProperty, orderBy }, selection).loader;
}

/** Child list fields whose rows can be read in their parent's statement, by parent entity and field name. */
const foldable = new Map<EntityClass<object>, Map<string, ChildListSpec<object>>>();

/**
 * Declares `parent.field` as the child list `spec` (a field resolver that loads it by the parent's id and
 * nothing else, visible to whoever sees the parent): a parent read whose caller selects the field reads the
 * children in the same statement (`foldedChildLists`) and primes the field's loader with them.
 */
export function foldableChildList<P extends object, T extends object>(
  parent: EntityClass<P>,
  field: string,
  spec: ChildListSpec<T>,
): ChildListSpec<T> {
  let fields = foldable.get(parent as EntityClass<object>);
  if (!fields) foldable.set(parent as EntityClass<object>, (fields = new Map()));
  fields.set(field, spec as unknown as ChildListSpec<object>);
  return spec;
}

/** The loader of a child list declared with `foldableChildList`, keyed as its folded read primes it. */
export function foldedListLoader<T extends object>(
  ctx: RequestContext,
  spec: ChildListSpec<T>,
  info: GraphQLResolveInfo,
): DataLoader<string, T[]> {
  return childList(ctx, spec, { info }).loader;
}

/** The row-level fields of a selection, by response key (through fragments). */
function rowFields(
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    collectFields(node.selectionSet, fragments, (field) => {
      const key = field.alias?.value ?? field.name.value;
      byKey.set(key, [...(byKey.get(key) ?? []), field]);
    });
  }
  return byKey;
}

/**
 * The child lists a parent read can carry for what its caller selected on the parent rows (`rowSelection`:
 * the field nodes whose selection sets are the rows' fields). Each is read in the parent's statement over the
 * parent read's ids (`parentIdsOf`), hydrated read-only and primed into the loader the field's resolver will
 * ask, under the same key. Fields with arguments, or selected under more than one response key, are left
 * to their resolvers.
 */
export function foldedChildLists(
  ctx: RequestContext,
  parent: EntityClass<object>,
  rowSelection: ListSelection['info'],
): ReadAlongside[] {
  const fields = foldable.get(parent);
  if (!fields) return [];
  const reads: ReadAlongside[] = [];
  const keys = rowFields(rowSelection.fieldNodes, rowSelection.fragments);
  const byName = new Map<string, FieldNode[][]>();
  for (const nodes of keys.values())
    byName.set(nodes[0]!.name.value, [...(byName.get(nodes[0]!.name.value) ?? []), nodes]);
  for (const [name, groups] of byName) {
    const spec = fields.get(name);
    if (!spec || groups.length !== 1 || groups[0]!.some((node) => node.arguments?.length)) continue;
    const { loader, props } = childList(ctx, spec, {
      info: { fieldNodes: groups[0]!, fragments: rowSelection.fragments },
    });
    reads.push(async (parentRead) => {
      const rows = await readRows(ctx.em, childReadUnder(ctx, spec, props, parentRead));
      const hydrate = rowHydrator(ctx.em, spec.entity);
      const meta = ctx.em.getMetadata().get(spec.entity) as EntityMetadata;
      const children = byParent(
        meta,
        spec.parentProperty,
        rows.map((row) => ({ entity: hydrate(row), row })),
      );
      return (parentIds) => {
        for (const id of parentIds) loader.prime(id, children.get(id) ?? []);
      };
    });
  }
  return reads;
}

/** A child list's read filtered by a parent read's ids instead of a list of them, in the loader's order. */
function childReadUnder(
  ctx: RequestContext,
  spec: ChildListSpec<object>,
  props: readonly string[] | null,
  parent: { sql: string; params: readonly unknown[] },
) {
  const meta = ctx.em.getMetadata().get(spec.entity) as EntityMetadata;
  const property = (name: string) => meta.properties[name as never]!;
  const names = readProperties(meta, props);
  const columns = [...new Set(names.flatMap((name) => property(name).fieldNames))];
  const parentColumn = quoteIdentifier(property(spec.parentProperty).fieldNames[0]!);
  const county = countyOf(ctx, meta, spec.parentProperty);
  const order = Object.entries(spec.orderBy)
    .map(([name, direction]) => `t.${quoteIdentifier(property(name).fieldNames[0]!)} ${direction}`)
    .join(', ');
  const sql =
    `select ${columns.map((c) => `t.${quoteIdentifier(c)}`).join(', ')} from ${quoteIdentifier(meta.tableName)} t ` +
    `where t.${parentColumn} in (${parentIdsOf(parent)})${county ? ` and t."county_id" = ?` : ''}` +
    (order ? ` order by ${order}` : '');
  return { sql, params: [...parent.params, ...(county ? [county] : [])], columns };
}
