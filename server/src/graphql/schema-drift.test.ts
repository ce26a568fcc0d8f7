import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { printSchemaSdl } from './print-schema-sdl.js';

describe('committed GraphQL schema', () => {
  it('equals what the server code emits (run `npm run build` and commit schema/schema.graphql)', async () => {
    const committed = readFileSync(join(findRepoRoot(), 'schema', 'schema.graphql'), 'utf8');
    expect(await printSchemaSdl()).toBe(committed);
  });
});
