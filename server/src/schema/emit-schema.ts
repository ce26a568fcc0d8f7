import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { printSchemaSdl } from '../graphql/print-schema-sdl.js';

/** Build step: writes the SDL to schema/schema.graphql (committed; a test fails when it drifts). */
const target = join(findRepoRoot(), 'schema', 'schema.graphql');
await writeFile(target, await printSchemaSdl(), 'utf8');
