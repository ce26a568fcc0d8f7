import { join } from 'node:path';
import { loadAppConfig, findRepoRoot } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';

/**
 * Diffs the entities against the migrated database and writes a TypeScript migration into
 * server/src/migrations. Run it after `npm run build`; then add the file to migration-list.ts.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const database = await openDatabase(config);
  const orm = await createOrm({ clientUrl: database.ownerUrl });
  try {
    await orm.migrator.up();
    const path = join(findRepoRoot(), 'server', 'src', 'migrations');
    const name = process.argv[2];
    const result = await orm.migrator.create(path, false, false, name);
    process.stdout.write(result.fileName ? `wrote ${result.fileName}\n` : 'no changes\n');
  } finally {
    await orm.close();
    await database.close();
  }
}

await main();
