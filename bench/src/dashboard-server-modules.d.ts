// The server has no declarations (see server-modules.d.ts); the one more entry point the dashboard
// figures use, to load the five-township seed data into a database of the bench cluster.
declare module '@renda/server/dist/seed/seed-database.js' {
  import type { BenchOrm } from '@renda/server/dist/database/create-orm.js';
  export function reseed(orm: BenchOrm): Promise<number>;
}
