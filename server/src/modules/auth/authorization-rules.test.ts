import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { buildGraphQLSchema } from '../../graphql/build-graphql-schema.js';
import { PUBLIC } from './auth-checker.js';
import { PUBLIC_ROOT_FIELDS } from './public-operations.js';

describe('authorization rules', () => {
  it('gives every query and mutation an explicit @Authorized rule, and marks as PUBLIC only what runs without a transaction', async () => {
    const schema = await buildGraphQLSchema();
    const storage = getMetadataStorage();
    const rules = new Map<string, string[]>();
    for (const resolver of [...storage.queries, ...storage.mutations]) {
      const rule = storage.authorizedFields.find(
        (a) => a.target === resolver.target && a.fieldName === resolver.methodName,
      );
      if (rule) rules.set(resolver.schemaName, [...rule.roles]);
    }
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    expect(rootFields.length).toBeGreaterThan(20);
    const missing = rootFields.filter((name) => !rules.has(name));
    expect(missing).toEqual([]);
    const publicFields = rootFields.filter((name) => rules.get(name)!.includes(PUBLIC));
    expect(new Set(publicFields)).toEqual(PUBLIC_ROOT_FIELDS);
  });
});
