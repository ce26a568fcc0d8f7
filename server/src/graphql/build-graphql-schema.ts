import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolverClasses } from './resolver-classes.js';
import { authChecker } from '../modules/auth/auth-checker.js';

/** The executable schema; `validate` runs class-validator on every input object and argument. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolverClasses,
    validate: { forbidUnknownValues: false },
    authChecker,
    // Unmarked fields are not denied by type-graphql; the schema-walk test makes sure none is unmarked.
    authMode: 'error',
  });
}
