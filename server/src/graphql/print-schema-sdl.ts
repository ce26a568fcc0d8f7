import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGraphQLSchema } from './build-graphql-schema.js';

/** The SDL committed as schema/schema.graphql: sorted, so the file diffs cleanly. */
export async function printSchemaSdl(): Promise<string> {
  const schema = await buildGraphQLSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
