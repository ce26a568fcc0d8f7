import { loadAppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { createOrm } from '../database/create-orm.js';
import { reseed } from '../seed/seed-database.js';

/** `npm run seed`: migrate, then replace all data with the seed dataset. */
const config = loadAppConfig();
const database = await openDatabase(config);
const orm = await createOrm({ clientUrl: database.ownerUrl });
try {
  await orm.migrator.up();
  const rows = await reseed(orm);
  process.stdout.write(`seeded ${rows} rows\n`);
} finally {
  await orm.close();
  await database.close();
}
