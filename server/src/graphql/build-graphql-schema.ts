import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolverClasses } from './resolver-classes.js';
import { authChecker } from '../modules/auth/auth-checker.js';
import { usePlainFieldResolvers } from './plain-field-resolvers.js';
import { useLocalDateOutputCheck } from './local-date-output.js';
import { validateArgs } from './validate-args.js';

/**
 * The executable schema; `validateArgs` runs class-validator on every input object and argument. Plain
 * properties resolve as graphql-js's default resolver reads them (plain-field-resolvers.ts); dates are checked
 * by arithmetic on their way out (local-date-output.ts).
 */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolverClasses,
    validateFn: validateArgs,
    authChecker,
    // Unmarked fields are not denied by type-graphql; the schema-walk test makes sure none is unmarked.
    authMode: 'error',
  });
  usePlainFieldResolvers(schema);
  useLocalDateOutputCheck(schema);
  return schema;
}
