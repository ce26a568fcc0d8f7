import 'reflect-metadata';
import pg from 'pg';
import { DISTRIBUTED_TABLES, LOCAL_TABLES, REFERENCE_TABLES } from '../shard-plan.js';
import { IDENTITY_STATEMENT, identityParams } from '../../tenancy/apply-identity.js';
import type { Identity } from '../../tenancy/identity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { addSecondCounty } from '../../test-support/add-second-county.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { distributeByCounty } from './distribute.js';
import { numberedPlaceholders } from '../../common/sql/numbered-placeholders.js';

/**
 * The county-distributed schema (distribute.ts) against the same data on one server: two clones of the
 * seeded template with a second county, one left as it is (its tables local to the coordinator: exactly
 * one PostgreSQL's behaviour, InitPlan-wrapped policies and all) and one distributed. Every role then
 * must see the same rows, write through the same checks and leave the same audit and data-version rows.
 */

/** The identity statement with pg's numbered placeholders. */
const IDENTITY_SQL = numberedPlaceholders(IDENTITY_STATEMENT);

const NIL = '00000000-0000-0000-0000-000000000000';

/** Runs `work` as the application role inside one transaction with `identity` applied, then rolls back. */
async function asIdentity<T>(
  url: string,
  identity: Identity | null,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withDatabaseClient(url, async (client) => {
    await client.query('begin');
    try {
      if (identity) {
        const { rows } = await client.query<{ valid: boolean }>(IDENTITY_SQL, identityParams(identity));
        if (rows[0]?.valid !== true) throw new Error(`the session of ${identity.userId} does not stand`);
      }
      return await work(client);
    } finally {
      await client.query('rollback');
    }
  });
}

interface Callers {
  [name: string]: Identity | null;
}

/** One identity per role (and none), read from the seeded users; a deputy's account is made for it. */
async function callers(superuserUrl: string): Promise<Callers> {
  return withDatabaseClient(superuserUrl, async (client) => {
    const user = async (login: string) => {
      const { rows } = await client.query<{
        id: string;
        role: UserRole;
        county_id: string;
        township_id: string | null;
        token_version: number;
        deputy_id: string | null;
      }>('select id, role, county_id, township_id, token_version, deputy_id from app_user where login = $1', [login]);
      const row = rows[0];
      if (!row) throw new Error(`no user ${login}`);
      return {
        userId: row.id,
        role: row.role,
        countyId: row.county_id,
        townshipId: row.township_id,
        deputyId: row.deputy_id,
        tokenVersion: row.token_version,
      } satisfies Identity;
    };
    return {
      clerk: await user('qunli.clerk'),
      viewer: await user('qunli.viewer'),
      staff: await user('demo.staff'),
      analyst: await user('demo.analyst'),
      admin: await user('demo.admin'),
      otherStaff: await user('otherdemo.staff'),
      deputy: await user('cdist.deputy'),
      nobody: null,
    };
  });
}

/** Gives the first active deputy of 群利 with activities and suggestions an account (same ids on both). */
async function addDeputyAccount(superuserUrl: string): Promise<void> {
  await withDatabaseClient(superuserUrl, (client) =>
    client.query(
      `insert into app_user (id, login, display_name, password_hash, role, county_id, township_id, deputy_id)
       select '01a24f00-0000-7000-8000-00000000d001', 'cdist.deputy', d.name, 'x', 'DEPUTY', d.county_id, d.township_id, d.id
         from deputy d join township t on t.county_id = d.county_id and t.id = d.township_id and t.code = 'QUNLI'
        where d.status = 'ACTIVE'
          and exists (select 1 from activity_participant p where p.deputy_id = d.id)
          and exists (select 1 from suggestion_proposer p where p.deputy_id = d.id)
        order by d.id limit 1`,
    ),
  );
}

/** Per table: the rows the caller sees with no county named (multi-shard) and with its county named (router). */
async function visibleRows(client: pg.Client, county: string | null, demo: string): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  for (const table of [...DISTRIBUTED_TABLES, ...REFERENCE_TABLES]) {
    if (table === 'county_data_change') continue; // no grant to the application: read through renda_data_version
    const countyColumn = table === 'county' ? 'id' : 'county_id';
    await client.query('savepoint probe');
    try {
      // ids compared for the template's county and the platform: the second county gets new ids in each clone
      const all = await client.query<{ n: string; ids: string | null }>(
        `select count(*) as n, md5(string_agg(id::text, ',' order by id) filter (where ${countyColumn} is null or ${countyColumn} = $1)) as ids from ${table}`,
        [demo],
      );
      const one = county
        ? await client.query<{ n: string }>(`select count(*) as n from ${table} where ${countyColumn} = $1`, [county])
        : { rows: [{ n: '-' }] };
      seen[table] = `${all.rows[0]!.n}/${one.rows[0]!.n}/${all.rows[0]!.ids ?? ''}`;
      await client.query('release savepoint probe');
    } catch (error) {
      // a privilege the role lacks (an analyst and personal data) must be lacking on both
      seen[table] = `refused: ${(error as { code?: string }).code}`;
      await client.query('rollback to savepoint probe');
    }
  }
  return seen;
}

describe('distributeByCounty on the Citus cluster', () => {
  let single: TestDatabase;
  let cluster: TestDatabase;
  /** The callers of each database: the second county's ids differ between the two (made per database). */
  let whoOn: Map<TestDatabase, Callers>;
  let otherTownship: string;

  beforeAll(async () => {
    // Both left local: the second county goes in first, then one of them is distributed here.
    // One after the other: registering the nodes of two new databases at once can fail on Citus.
    single = await createTestDatabase({ distributed: false });
    cluster = await createTestDatabase({ distributed: false });
    for (const database of [single, cluster]) {
      await addSecondCounty(database.ownerUrl);
      await addDeputyAccount(database.url);
    }
    await withDatabaseClient(cluster.ownerUrl, (client) =>
      distributeByCounty((sql) => client.query(sql).then((r) => r.rows)),
    );
    whoOn = new Map([
      [single, await callers(single.url)],
      [cluster, await callers(cluster.url)],
    ]);
    otherTownship = await withDatabaseClient(single.url, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `select id from township where county_id = $1 and id <> $2 order by id limit 1`,
        [whoOn.get(single)!.clerk!.countyId, whoOn.get(single)!.clerk!.townshipId],
      );
      return rows[0]!.id;
    });
  });

  afterAll(async () => {
    await Promise.all([single?.drop(), cluster?.drop()]);
  });

  it('places every table as shard-plan.ts says, co-located with township, and no policy holds a subquery', async () => {
    await withDatabaseClient(cluster.url, async (client) => {
      const { rows } = await client.query<{ table: string; method: string; colocated: boolean }>(
        `select c.relname as "table", p.partmethod as method,
                p.colocationid = (select colocationid from pg_dist_partition where logicalrelid = 'township'::regclass) as colocated
           from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid order by 1`,
      );
      expect(rows.filter((r) => r.method === 'h').map((r) => r.table)).toEqual([...DISTRIBUTED_TABLES].sort());
      expect(rows.filter((r) => r.method === 'h').every((r) => r.colocated)).toBe(true);
      expect(rows.filter((r) => r.method === 'n').map((r) => r.table)).toEqual([...REFERENCE_TABLES].sort());
      for (const local of LOCAL_TABLES) expect(rows.map((r) => r.table)).not.toContain(local);
      const subqueries = await client.query(
        `select tablename, policyname from pg_policies where coalesce(qual, '') || coalesce(with_check, '') ~* 'select'`,
      );
      expect(subqueries.rows).toEqual([]);
      // the platform-wide login index Citus refuses is gone; the login directory keeps the guarantee
      const logins = await client.query(`select 1 from pg_constraint where conname = 'app_user_login_unique'`);
      expect(logins.rows).toEqual([]);
    });
  });

  it('changes nothing when called again', async () => {
    const catalog = (client: pg.Client) =>
      client
        .query(
          `select (select count(*) from pg_dist_partition) as tables, (select count(*) from pg_dist_shard) as shards,
                  (select md5(string_agg(tablename || policyname || coalesce(qual, '') || coalesce(with_check, ''), ',' order by tablename, policyname)) from pg_policies) as policies,
                  (select count(*) from pg_constraint where contype = 'f') as foreign_keys,
                  (select count(*) from pg_trigger where not tgisinternal and tgenabled = 'D') as disabled_triggers`,
        )
        .then((r) => r.rows[0]);
    const before = await withDatabaseClient(cluster.url, catalog);
    await withDatabaseClient(cluster.ownerUrl, (client) =>
      distributeByCounty((sql) => client.query(sql).then((r) => r.rows)),
    );
    expect(await withDatabaseClient(cluster.url, catalog)).toEqual(before);
    expect(before).toMatchObject({ disabled_triggers: '0' });
  });

  it.each(['clerk', 'viewer', 'staff', 'analyst', 'admin', 'otherStaff', 'deputy', 'nobody'])(
    'shows the %s the same rows as one server, across shards and routed to its county',
    async (name) => {
      const identity = whoOn.get(single)![name]!;
      const demo = whoOn.get(single)!.clerk!.countyId;
      const onOne = await asIdentity(single.appUrl, identity, (c) => visibleRows(c, identity?.countyId ?? null, demo));
      const clusterIdentity = whoOn.get(cluster)![name]!;
      const onCluster = await asIdentity(cluster.appUrl, clusterIdentity, (c) =>
        visibleRows(c, clusterIdentity?.countyId ?? null, demo),
      );
      expect(onCluster).toEqual(onOne);
      // not vacuous: every role but the anonymous caller sees something of its county
      if (identity) expect(Number(onOne.township!.split('/')[0])).toBeGreaterThan(0);
      else expect(Object.values(onOne).every((v) => v.startsWith('0/'))).toBe(true);
    },
  );

  /**
   * `statement` as `identity` through row-level security, committed or rolled back; then, read as the
   * superuser, the audit rows of `rowId` and how far the county's data version moved. (Read afterwards:
   * on Citus a security-definer function may not read a shard group the transaction has written as
   * another role, server/README.md, On a Citus cluster.)
   */
  async function write(
    database: TestDatabase,
    identity: Identity,
    statement: string,
    params: unknown[],
    rowId: string,
    end: 'commit' | 'rollback',
  ) {
    const version = () =>
      withDatabaseClient(database.url, async (c) =>
        BigInt(
          (await c.query<{ v: string }>('select renda_data_version($1)::text as v', [identity.countyId])).rows[0]!.v,
        ),
      );
    const before = await version();
    const refused = await withDatabaseClient(database.appUrl, async (client) => {
      await client.query('begin');
      await client.query(IDENTITY_SQL, identityParams(identity));
      try {
        await client.query(statement, params);
        await client.query(end);
        return undefined;
      } catch (error) {
        await client.query('rollback');
        return (error as { code?: string }).code;
      }
    });
    if (refused) return { refused };
    const audit = await withDatabaseClient(
      database.url,
      async (c) =>
        (await c.query(`select role, user_id, county_id, table_name, action from audit_log where row_id = $1`, [rowId]))
          .rows,
    );
    return { audit, bumped: (await version()) - before };
  }

  const clerkTerm = (database: TestDatabase, township: 'own' | 'other', id: string, end: 'commit' | 'rollback') => {
    const clerk = whoOn.get(database)!.clerk!;
    return write(
      database,
      clerk,
      `insert into term (id, county_id, township_id, name) values ($1, $2, $3, $4)`,
      [id, clerk.countyId, township === 'own' ? clerk.townshipId : otherTownship, `第${id.slice(-3)}届`],
      id,
      end,
    );
  };

  it("writes a clerk's row with its audit row and data version in the same transaction, or none of them", async () => {
    const clerk = whoOn.get(single)!.clerk!;
    const committed = {
      role: 'TOWNSHIP_CLERK',
      user_id: clerk.userId,
      county_id: clerk.countyId,
      table_name: 'term',
      action: 'INSERT',
    };
    const onOne = await clerkTerm(single, 'own', '01a24f00-0000-7000-8000-00000000c001', 'commit');
    expect(onOne).toEqual({ audit: [committed], bumped: 1n });
    expect(await clerkTerm(cluster, 'own', '01a24f00-0000-7000-8000-00000000c001', 'commit')).toEqual(onOne);
    const rolledBack = { audit: [], bumped: 0n };
    expect(await clerkTerm(single, 'own', '01a24f00-0000-7000-8000-00000000c005', 'rollback')).toEqual(rolledBack);
    expect(await clerkTerm(cluster, 'own', '01a24f00-0000-7000-8000-00000000c005', 'rollback')).toEqual(rolledBack);
  });

  it('refuses a clerk writing another township on both', async () => {
    const onOne = await clerkTerm(single, 'other', '01a24f00-0000-7000-8000-00000000c006', 'commit');
    expect(onOne).toEqual({ refused: '42501' });
    expect(await clerkTerm(cluster, 'other', '01a24f00-0000-7000-8000-00000000c006', 'commit')).toEqual(onOne);
  });

  /** County staff set a deadline; a county admin adds a county calendar day (a reference table). */
  const countyWrites = async (database: TestDatabase) => {
    const { staff, admin } = whoOn.get(database)!;
    const deadline = await write(
      database,
      staff!,
      `insert into reporting_deadline (id, county_id, year, quarter, due_at) values ($1, $2, 2031, 1, '2031-04-15T16:00:00Z')`,
      ['01a24f00-0000-7000-8000-00000000c002', staff!.countyId],
      '01a24f00-0000-7000-8000-00000000c002',
      'commit',
    );
    const calendar = await write(
      database,
      admin!,
      `insert into calendar_day (id, county_id, day, kind, name) values ($1, $2, '2031-10-08', 'WORKDAY', '调休')`,
      ['01a24f00-0000-7000-8000-00000000c003', admin!.countyId],
      '01a24f00-0000-7000-8000-00000000c003',
      'commit',
    );
    return { deadline, calendar };
  };

  it('writes county staff rows and reference-table rows once each, audit and data version included', async () => {
    const onOne = await countyWrites(single);
    const { staff, admin } = whoOn.get(single)!;
    expect(onOne).toEqual({
      deadline: {
        audit: [
          expect.objectContaining({
            role: 'COUNTY_STAFF',
            county_id: staff!.countyId,
            table_name: 'reporting_deadline',
          }),
        ],
        bumped: 1n,
      },
      calendar: {
        audit: [
          expect.objectContaining({ role: 'COUNTY_ADMIN', county_id: admin!.countyId, table_name: 'calendar_day' }),
        ],
        bumped: 1n,
      },
    });
    expect(await countyWrites(cluster)).toEqual(onOne);
  });

  it('bumps every county’s version once for a platform row of a reference table, audited under the nil uuid', async () => {
    const platformWrite = (database: TestDatabase) =>
      withDatabaseClient(database.ownerUrl, async (client) => {
        await client.query('begin');
        try {
          // every county's, keyed by its code (the second county gets new ids in each clone)
          const versions = async () =>
            new Map(
              (
                await client.query<{ code: string; v: string }>(
                  `select code, renda_data_version(id)::text as v from county order by code`,
                )
              ).rows.map((r) => [r.code, BigInt(r.v)]),
            );
          const before = await versions();
          await client.query(
            `insert into calendar_day (id, county_id, day, kind, name) values ('01a24f00-0000-7000-8000-00000000c004', null, '2031-10-09', 'WORKDAY', '调休')`,
          );
          const audit = await client.query(
            `select county_id from audit_log where row_id = '01a24f00-0000-7000-8000-00000000c004'`,
          );
          const after = await versions();
          return { audit: audit.rows, bumped: Object.fromEntries([...after].map(([c, v]) => [c, v - before.get(c)!])) };
        } finally {
          await client.query('rollback');
        }
      });
    const onOne = await platformWrite(single);
    expect(Object.keys(onOne.bumped).length).toBeGreaterThanOrEqual(2);
    expect(onOne).toEqual({
      audit: [{ county_id: NIL }],
      bumped: Object.fromEntries(Object.keys(onOne.bumped).map((c) => [c, 1n])),
    });
    expect(await platformWrite(cluster)).toEqual(onOne);
  });
});
