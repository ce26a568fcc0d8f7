import { chmodSync, appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { provisionRoles, roleUrl } from '../database/provision-roles.js';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { loadAppConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { freePort } from '../common/net/free-port.js';
import { startThrowawayCluster, type ThrowawayCluster } from '../test-support/throwaway-cluster.js';
import { runCli, runCliJson } from '../test-support/run-cli.js';

interface Manifest {
  migrations: string[];
  tables: { name: string; rows: number; checksum: string }[];
  files: { name: string; bytes: number; sha256: string }[];
}

/** Every row of every table of the public schema, in its text form, sorted: what "the same data" means. */
async function everyRow(url: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set timezone = 'UTC'`);
    const tables = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const result = new Map<string, string[]>();
    for (const { name } of tables.rows) {
      const rows = await client.query<{ r: string }>(`select t::text as r from "${name}" t order by 1`);
      result.set(
        name,
        rows.rows.map((row) => row.r),
      );
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Starts the embedded database of `env` (as each CLI call does) for a read through its owner role. */
async function withEmbedded<T>(env: Record<string, string>, read: (ownerUrl: string) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadAppConfig(env));
  try {
    return await read(database.ownerUrl);
  } finally {
    await database.close();
  }
}

async function catalogObjects(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const list = async (sql: string) => (await client.query<{ x: string }>(sql)).rows.map((row) => row.x);
    return {
      policies: await list(`select tablename || '.' || policyname as x from pg_policies order by 1`),
      triggers: await list(
        `select tgrelid::regclass || '.' || tgname as x from pg_trigger where not tgisinternal order by 1`,
      ),
      functions: await list(`select proname as x from pg_proc where pronamespace = 'public'::regnamespace order by 1`),
      grants: await list(
        `select table_name || ':' || grantee || ':' || privilege_type as x from information_schema.role_table_grants
          where table_schema = 'public' and grantee like 'renda_%' and grantee <> '${DATABASE_ROLES.owner}' order by 1`,
      ),
    };
  } finally {
    await client.end();
  }
}

/**
 * The backup drill: the single-machine install's embedded database, seeded, backed up with `renda backup`,
 * restored with `renda restore` into an empty configured one (Debian's PostgreSQL, the same major, so one
 * pg_dump serves both), and compared table by table, row by row.
 */
describe('renda backup and restore', () => {
  let cluster: ThrowawayCluster;
  let work: string;
  /** The embedded database in its own folder and port: no DATABASE_URL, as `npm start` runs it. */
  let source: Record<string, string>;
  let target: Record<string, string>;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    work = mkdtempSync(join(tmpdir(), 'renda-backup-'));
    // Reachable by the `postgres` user when tests run as root: no relocated copy outlives the test.
    chmodSync(work, 0o755);
    const port = await freePort();
    source = { RENDA_PG_DIR: join(work, 'embedded'), RENDA_PG_PORT: String(port), RENDA_SEED: 'true' };
    await provisionRoles(cluster.url, 'renda_restored');
    target = {
      DATABASE_URL: roleUrl(cluster.url, 'renda_restored', 'app'),
      MIGRATION_DATABASE_URL: roleUrl(cluster.url, 'renda_restored', 'owner'),
    };
    await runCliJson(['migrate'], source);
    // An invitation too, so every kind of row is in the drill.
    await runCliJson(['admin', 'invite', '--county', 'DEMO', '--username', 'drill.admin'], source);
  });
  afterAll(async () => {
    await cluster.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores a seeded database into an empty one, every table row for row', async () => {
    const dir = join(work, 'backup-1');
    const manifest = await runCliJson<Manifest>(['backup', '--out', dir], source);
    expect(readdirSync(dir).sort()).toEqual(['database.dump', 'manifest.json']);
    expect(manifest.migrations.length).toBeGreaterThan(10);
    expect(manifest.files[0]).toMatchObject({ name: 'database.dump', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const rows = new Map(manifest.tables.map((t) => [t.name, t.rows]));
    expect(rows.get('deputy')).toBeGreaterThan(100);
    expect(rows.get('account_invitation')).toBe(1);

    const restored = await runCliJson<{ restored: boolean }>(['restore', '--from', dir], target);
    expect(restored.restored).toBe(true);

    const before = await withEmbedded(source, everyRow);
    const after = await everyRow(target['MIGRATION_DATABASE_URL']!);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, sourceRows] of before) {
      expect([table, after.get(table)!.length]).toEqual([table, sourceRows.length]);
      expect([table, after.get(table)]).toEqual([table, sourceRows]);
    }
    expect(await catalogObjects(target['MIGRATION_DATABASE_URL']!)).toEqual(await withEmbedded(source, catalogObjects));
    // The restored database is up to date and serves the CLI like the original.
    const users = await runCliJson<{ login: string }[]>(['users', 'list', '--county', 'DEMO'], target);
    expect(users.map((u) => u.login)).toContain('drill.admin');
  });

  it('refuses a non-empty target, a non-empty backup folder and a damaged backup, with coded messages', async () => {
    const dir = join(work, 'backup-2');
    await runCliJson(['backup', '--out', dir], source);
    const again = await runCli(['restore', '--from', dir, '--json'], target);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'CONFLICT', reason: 'CLI_RESTORE_TARGET_NOT_EMPTY' });

    const overwrite = await runCli(['backup', '--out', dir], source);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/CLI_BACKUP_TARGET_NOT_EMPTY/);

    const damaged = join(work, 'damaged');
    cpSync(dir, damaged, { recursive: true });
    appendFileSync(join(damaged, 'database.dump'), 'x');
    const broken = await runCli(['restore', '--from', damaged, '--json'], target);
    expect(JSON.parse(broken.stdout).error).toMatchObject({
      reason: 'CLI_BACKUP_INVALID',
      details: { problem: 'checksum mismatch' },
    });
    writeFileSync(join(damaged, 'manifest.json'), '{');
    const unreadable = await runCli(['restore', '--from', damaged], target);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/CLI_BACKUP_INVALID/);
    expect(unreadable.stderr).not.toMatch(/\n\s+at /);
  });
});
