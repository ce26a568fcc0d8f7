import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRepoRoot } from '../config/app-config.js';
import { distributeByCounty } from '../database/citus/distribute.js';
import {
  addressOf,
  attachCitusDatabase,
  startCitusCluster,
  type CitusNode,
  type LocalCitusCluster,
} from '../database/citus/local-cluster.js';
import { prepareClusterRoles } from '../database/citus/cluster-roles.js';
import { createOrm } from '../database/create-orm.js';
import { DATABASE_ROLES } from '../database/database-roles.js';
import { reseed } from '../seed/seed-database.js';
import { provisionRoles, roleUrl } from '../database/provision-roles.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { freePort } from '../common/net/free-port.js';
import { spawnServer, type ServerProcess } from '../test-support/spawn-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';
import { login, post, READ_DEPUTIES, servingAgain, startWriters, type Outcome, type Writer } from './fault-client.js';

const DB = 'renda';

/** Which worker holds a county's shard group (every distributed table's rows of it sit there). */
async function workerPortOf(superuserUrl: string, countyId: string): Promise<number> {
  return withDatabaseClient(superuserUrl, async (su) => {
    const { rows } = await su.query<{ port: number }>(
      `select n.nodeport as port from pg_dist_placement p join pg_dist_node n using (groupid)
        where p.shardid = get_shard_id_for_distribution_column('township', $1::uuid)`,
      [countyId],
    );
    return rows[0]!.port;
  });
}

/** Activities titled `<tag>-…` and how many participants each has, read as the superuser. */
async function writtenActivities(url: string, tag: string): Promise<Map<string, number>> {
  return withDatabaseClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; participants: number }>(
      `select a.id, (select count(*)::int from activity_participant p
                      where p.county_id = a.county_id and p.activity_id = a.id) as participants
         from activity a where a.title like $1`,
      [`${tag}-%`],
    );
    return new Map(rows.map((r) => [r.id, r.participants]));
  });
}

function failureCodes(outcomes: Outcome[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const o of outcomes.filter((x) => !x.id)) {
    const key = o.code ? `${o.code}${o.reason ? ` ${o.reason}` : ''}` : `no answer: ${o.networkError}`;
    codes[key] = (codes[key] ?? 0) + 1;
  }
  return codes;
}

/**
 * kill -9 of a Citus worker under load, against the real server process over a coordinator and two
 * workers of its own. Two counties, one on each worker: the dead worker's county gets coded
 * answers (never INTERNAL, nothing half-written), the other county's requests go on, and once the worker
 * is back both are served again.
 */
describe('kill -9 of a Citus worker under writes', () => {
  let cluster: LocalCitusCluster;
  let server: ServerProcess;
  let base: string;
  let superuserUrl: string;
  let victim: CitusNode;
  const writers: Record<'dead' | 'alive', Writer> = {} as Record<'dead' | 'alive', Writer>;

  beforeAll(async () => {
    // Durable commits: the test counts every acknowledged write after a kill -9 (local-cluster.ts).
    cluster = await startCitusCluster({ workers: 2, shardCount: 4, durableCommits: true });
    superuserUrl = `postgres://postgres@127.0.0.1:${cluster.coordinator.port}/${DB}`;
    for (const worker of cluster.workers) await provisionRoles(worker.url, 'postgres');
    await provisionRoles(cluster.coordinator.url, DB);
    // Migrated and seeded with both counties first, then made a Citus database and distributed, as the
    // suite's test databases are (test-database.ts); the server then finds its migrations done.
    const ownerUrl = roleUrl(cluster.coordinator.url, DB, 'owner');
    const orm = await createOrm({ clientUrl: ownerUrl, poolMax: 2 });
    try {
      await orm.migrator.up();
      await reseed(orm);
    } finally {
      await orm.close();
    }
    await addSecondCounty(ownerUrl);
    await attachCitusDatabase(addressOf(cluster), DB, DATABASE_ROLES.owner);
    await withDatabaseClient(superuserUrl, (su) => prepareClusterRoles(async (sql) => (await su.query(sql)).rows));
    await withDatabaseClient(ownerUrl, (owner) => distributeByCounty(async (sql) => (await owner.query(sql)).rows));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await spawnServer(
      {
        PORT: String(port),
        RENDA_JWT_SECRET: TEST_JWT_SECRET,
        DATABASE_URL: roleUrl(cluster.coordinator.url, DB, 'app'),
        MIGRATION_DATABASE_URL: roleUrl(cluster.coordinator.url, DB, 'owner'),
        RENDA_DB_LOCK_TIMEOUT_MS: '2000',
        RENDA_TENANT_QUEUE_TIMEOUT_MS: '3000',
      },
      170_000,
    );

    const counties = await withDatabaseClient(superuserUrl, async (su) => {
      const { rows } = await su.query<{ code: string; county: string; deputies: string[] }>(
        `select t.code, t.county_id as county,
                (select array_agg(id order by id) from (select d.id from deputy d
                  where d.county_id = t.county_id and d.township_id = t.id and d.status = 'ACTIVE'
                  order by d.id limit 2) x) as deputies
           from township t where t.code in ('QUNLI', 'OTHERQUNLI')`,
      );
      return new Map(rows.map((r) => [r.code, r]));
    });
    const dead = counties.get('QUNLI')!;
    const alive = counties.get('OTHERQUNLI')!;
    // The two counties on different workers. Moving a shard moves every county hashed into it, so when
    // both counties share a shard the second is first isolated into a shard of its own (Citus splits
    // the shard group); then its shard group is moved when both sit on one worker.
    const shardOf = (county: string) =>
      withDatabaseClient(superuserUrl, async (su) => {
        const { rows } = await su.query<{ id: string }>(
          `select get_shard_id_for_distribution_column('township', $1::uuid)::text as id`,
          [county],
        );
        return rows[0]!.id;
      });
    const deadPort = await workerPortOf(superuserUrl, dead.county);
    const placeApart = async (statement: string, params: unknown[]) =>
      withDatabaseClient(superuserUrl, async (su) => {
        await su.query(statement, params);
        // Column grants live on each placement: new and moved shards need them again (distribute.ts).
        await distributeByCounty(async (sql) => (await su.query(sql)).rows);
      });
    if ((await shardOf(alive.county)) === (await shardOf(dead.county))) {
      await placeApart(
        `select isolate_tenant_to_new_shard('township', $1::uuid, 'CASCADE', shard_transfer_mode => 'block_writes')`,
        [alive.county],
      );
    }
    if ((await workerPortOf(superuserUrl, alive.county)) === deadPort) {
      const other = cluster.workers.find((w) => w.port !== deadPort)!;
      await placeApart(
        `select citus_move_shard_placement(get_shard_id_for_distribution_column('township', $1::uuid),
                '127.0.0.1', $2, '127.0.0.1', $3, shard_transfer_mode => 'block_writes')`,
        [alive.county, deadPort, other.port],
      );
    }
    expect(await shardOf(alive.county)).not.toBe(await shardOf(dead.county));
    expect(await workerPortOf(superuserUrl, dead.county)).toBe(deadPort);
    expect(await workerPortOf(superuserUrl, alive.county)).not.toBe(deadPort);
    victim = cluster.workers.find((w) => w.port === deadPort)!;
    writers.dead = { token: await login(base, 'qunli.clerk'), deputies: dead.deputies as [string, string] };
    writers.alive = { token: await login(base, 'otherqunli.clerk'), deputies: alive.deputies as [string, string] };
  }, 300_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
      await server.exited;
      clearTimeout(timer);
    }
    if (server) {
      const dir = join(findRepoRoot(), 'artifacts');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'fault-server-citus.log'), server.log.map((l) => JSON.stringify(l)).join('\n'));
    }
    await cluster?.stop();
  });

  it('answers the dead worker’s county with coded errors, serves the other county, and both after the restart', async () => {
    const tag = `citus-kill-${Date.now()}`;
    const deadLoad = startWriters(base, [writers.dead], `${tag}-dead`);
    const aliveLoad = startWriters(base, [writers.alive], `${tag}-alive`);
    const aliveReads: Outcome[] = [];
    let killedAt = 0;
    let restartedAt = 0;
    let deadServedAt = 0;
    try {
      // Both counties served before the fault.
      await servingAgain(deadLoad.outcomes, 0);
      await servingAgain(aliveLoad.outcomes, 0);
      killedAt = Date.now();
      await victim.kill();
      // Let the outage last long enough that both counties send several requests into it; the other
      // county also reads a list meanwhile (a list that named no county ran on every worker).
      await sleep(1000);
      for (let i = 0; i < 3; i += 1) aliveReads.push(await post(base, writers.alive.token, READ_DEPUTIES));
      await sleep(2000);
      restartedAt = Date.now();
      await victim.start();
      deadServedAt = await servingAgain(deadLoad.outcomes, restartedAt);
      await servingAgain(aliveLoad.outcomes, restartedAt);
    } catch (error) {
      // Say how the requests ended, not only that none succeeded.
      const codes = { dead: failureCodes(deadLoad.outcomes), alive: failureCodes(aliveLoad.outcomes) };
      throw new Error(`${String(error)}; failures so far: ${JSON.stringify(codes)}`, { cause: error });
    } finally {
      await Promise.all([deadLoad.stop(), aliveLoad.stop()]);
    }
    const dead = deadLoad.outcomes;
    const alive = aliveLoad.outcomes;

    // The dead worker's county: refused with codes a client can act on, never INTERNAL and never silence.
    const deadDuring = dead.filter((o) => o.startedAt > killedAt + 200 && o.endedAt < restartedAt);
    expect(deadDuring.length).toBeGreaterThan(0);
    expect(deadDuring.filter((o) => o.id)).toEqual([]);
    const deadCodes = failureCodes(dead);
    expect(Object.keys(deadCodes).filter((code) => !/^(UNAVAILABLE|TIMEOUT)\b/.test(code))).toEqual([]);

    // The other county went on being served while the worker was down.
    const aliveDuring = alive.filter((o) => o.startedAt > killedAt + 200 && o.endedAt < restartedAt);
    const readsFailed = failureCodes(aliveReads.filter((o) => o.code || o.networkError));
    expect({
      served: aliveDuring.some((o) => o.id),
      failed: failureCodes(aliveDuring),
      readsFailed,
    }).toEqual({ served: true, failed: {}, readsFailed: {} });

    // Every acknowledged write is there, none half-written (each activity has both participants).
    for (const [name, outcomes] of [
      ['dead', dead],
      ['alive', alive],
    ] as const) {
      const found = await writtenActivities(superuserUrl, `${tag}-${name}`);
      expect(outcomes.filter((o) => o.id && !found.has(o.id)).map((o) => o.id)).toEqual([]);
      expect([...found.values()].filter((n) => n !== 2)).toEqual([]);
    }

    const dir = join(findRepoRoot(), 'artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'fault-figures-citus.json'),
      `${JSON.stringify(
        {
          killWorker: {
            deadCountyRefused: deadDuring.length,
            deadCountyCodes: deadCodes,
            otherCountyServedDuringOutage: aliveDuring.filter((o) => o.id).length,
            timeToServeAgainAfterRestartMs: deadServedAt - restartedAt,
          },
        },
        null,
        2,
      )}\n`,
    );
  });
});
