import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';

/**
 * The properties a read needs for the GraphQL fields a caller selected on its rows: stored scalar fields of
 * the same name, and the to-one relations behind `xId` getters and relation fields (their resolvers read
 * only the id). Null (every column) as soon as a field is anything else, e.g. a field resolver that may
 * read any part of its row, unless it is listed in `idOnlyFields` (resolvers that read nothing but the
 * row's id: nested lists, by-id loaders). Unread columns cost their JSON in PostgreSQL, their parsing and
 * their hydration in Node; for a township page that was most of each list's bytes.
 */
export function propsForFields(
  meta: EntityMetadata,
  fields: Iterable<string>,
  idOnlyFields: readonly string[] = [],
): string[] | null {
  const properties = meta.properties as Record<string, EntityProperty | undefined>;
  const props = new Set<string>();
  for (const name of fields) {
    if (name === '__typename' || idOnlyFields.includes(name)) continue;
    const prop = properties[name] ?? properties[name.replace(/Id$/, '')];
    const stored = prop && prop.persist !== false && !prop.lazy && prop.name === name;
    if (stored && prop.kind === ReferenceKind.SCALAR) props.add(prop.name);
    else if (prop && prop.kind === ReferenceKind.MANY_TO_ONE) props.add(prop.name);
    else return null;
  }
  return [...props].sort();
}
