import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** A class, as type-graphql's metadata names it. */
type Class = abstract new (...args: never[]) => unknown;

/** Whether `cls` is `ancestor` or extends it. */
const isOrExtends = (cls: object, ancestor: object): boolean =>
  cls === ancestor || (cls as Class).prototype instanceof (ancestor as Class);

/**
 * Leaves the schema's plain fields to graphql-js's default resolver (a property read). type-graphql wraps
 * every field it resolves itself, plain properties included, in a closure that builds a resolver-data
 * object and runs the field's middlewares, here always none: per field of every row of an answer. At the
 * county tier (`bench/dist/read-path-probe.js`, alternating builds): 0.75 → 0.67 ms of the API's CPU per
 * MetricCatalog request, 3.17 → 2.83 for TownshipOverview, 1.62 → 1.42 for TownshipActivities.
 *
 * A field keeps type-graphql's resolver when anything but the property read could happen in it: a field
 * resolver for it (`@FieldResolver`, or a method), arguments, authorization roles, middlewares, or a
 * property whose name is not the field's. `plain-field-resolvers.test.ts` checks both sides.
 */
export function usePlainFieldResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  let plain = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    const resolvedElsewhere = new Set(
      storage.fieldResolvers
        .filter((r) => {
          const owner = r.getObjectType?.();
          return (
            owner !== undefined && (isOrExtends(objectType.target, owner) || isOrExtends(owner, objectType.target))
          );
        })
        .map((r) => r.schemaName),
    );
    for (const field of storage.fields) {
      if (!isOrExtends(objectType.target, field.target)) continue;
      const graphqlField = fields[field.schemaName];
      if (!graphqlField?.resolve || resolvedElsewhere.has(field.schemaName)) continue;
      if (field.name !== field.schemaName || (field.params?.length ?? 0) > 0) continue;
      if ((field.roles?.length ?? 0) > 0 || (field.middlewares?.length ?? 0) > 0) continue;
      graphqlField.resolve = undefined;
      plain++;
    }
  }
  return plain;
}
