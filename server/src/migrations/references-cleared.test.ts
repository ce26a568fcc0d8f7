import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';

/**
 * Optional references are cleared by `renda_clear_references()` triggers, not by `on delete set null`
 * (Migration20261207074911_references_cleared_by_trigger; Citus refuses SET NULL on keys that carry the
 * distribution column). Deleting a parent must still leave its children with a null reference, that
 * column only, in the same transaction, and never a dangling one.
 */

/** [child, column, parent], as the migration lists them. */
const REFERENCES: [string, string, string][] = [
  ['deputy', 'group_id', 'deputy_group'],
  ['deputy', 'station_id', 'station'],
  ['suggestion', 'session_id', 'congress_session'],
  ['activity', 'group_id', 'deputy_group'],
  ['activity', 'session_id', 'congress_session'],
  ['activity', 'station_id', 'station'],
  ['voter_contact', 'deputy_id', 'deputy'],
  ['voter_contact', 'station_id', 'station'],
  ['duty_report', 'activity_id', 'activity'],
  ['deputy_report', 'station_id', 'station'],
];

/** What a copy of a parent changes besides its id, so the township's unique names and numbers still hold. */
const COPY_CHANGES: Record<string, string> = {
  station: `jsonb_build_object('name', p.name || '（副本）')`,
  deputy_group: `jsonb_build_object('name', p.name || '（副本）')`,
  congress_session: `jsonb_build_object('session_number', p.session_number + 1000)`,
  deputy: `'{}'::jsonb`,
  activity: `'{}'::jsonb`,
};

/**
 * A new parent, a copy of `child`'s current one (same township, so every check on the child still holds),
 * and `child` pointed at it. Returns the new parent's id.
 */
async function freshParent(client: pg.Client, [table, column, parent]: [string, string, string], child: string) {
  const { rows } = await client.query<{ id: string }>(
    `insert into "${parent}"
     select (jsonb_populate_record(null::"${parent}", to_jsonb(p) || ${COPY_CHANGES[parent]} || jsonb_build_object('id', gen_random_uuid()))).*
       from "${parent}" p where p.id = (select "${column}" from "${table}" where id = $1)
     returning id`,
    [child],
  );
  await client.query(`update "${table}" set "${column}" = $2 where id = $1`, [child, rows[0]!.id]);
  return rows[0]!.id;
}

/** A child row whose reference is set. */
async function childWithReference(client: pg.Client, [table, column]: [string, string, string]) {
  const { rows } = await client.query<{ id: string }>(
    `select id from "${table}" where "${column}" is not null order by id limit 1`,
  );
  return rows[0]!.id;
}

async function rowOf(client: pg.Client, table: string, id: string) {
  const { rows } = await client.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) as row from "${table}" t where id = $1`,
    [id],
  );
  return rows[0]?.row;
}

describe('optional references cleared on delete', () => {
  let database: TestDatabase;
  let owner: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    // The seed reports no duties: one deputy's report of an activity it took part in.
    await owner.query(
      `insert into duty_report (id, township_id, county_id, deputy_id, kind, occurred_on, description, activity_id)
       select gen_random_uuid(), a.township_id, a.county_id, p.deputy_id, 'ACTIVITY', a.occurred_on, '参加活动', a.id
         from activity a join activity_participant p on p.activity_id = a.id and p.county_id = a.county_id
        order by a.id, p.id limit 1`,
    );
  });

  afterAll(async () => {
    await owner.end();
    await database.drop();
  });

  it('has no foreign key that sets null or a default on delete, and a clearing trigger for each optional one', async () => {
    const { rows: actions } = await owner.query<{ name: string }>(
      `select conname as name from pg_constraint
        where contype = 'f' and connamespace = 'public'::regnamespace and confdeltype in ('n', 'd')`,
    );
    expect(actions).toEqual([]);
    const { rows: triggers } = await owner.query<{ parent: string; args: string }>(
      `select t.tgrelid::regclass::text as parent, encode(t.tgargs, 'escape') as args
         from pg_trigger t join pg_proc f on f.oid = t.tgfoid
        where f.proname = 'renda_clear_references' and t.tgenabled = 'O'`,
    );
    const cleared = triggers.map((t) => [...t.args.split('\\000').filter(Boolean), t.parent]);
    expect(cleared.sort()).toEqual([...REFERENCES].sort());
  });

  it.each(REFERENCES)(
    'deleting a %s.%s parent (%s) nulls that column only, audited, in the transaction',
    async (...ref) => {
      const [table, column, parent] = ref;
      await owner.query('begin');
      try {
        const child = await childWithReference(owner, ref);
        const id = await freshParent(owner, ref, child);
        const before = await rowOf(owner, table, child);
        expect((await owner.query(`delete from "${parent}" where id = $1`, [id])).rowCount).toBe(1);
        const after = await rowOf(owner, table, child);
        expect(after).toEqual({ ...before, [column]: null });
        const { rows: audit } = await owner.query(
          `select before ->> $2 as was, after ->> $2 as now from audit_log
          where table_name = $1 and row_id = $3 and action = 'UPDATE' order by id desc limit 1`,
          [table, column, child],
        );
        expect(audit).toEqual([{ was: id, now: null }]);
      } finally {
        await owner.query('rollback');
      }
    },
  );

  it('refuses the delete, rather than leave a dangling reference, when a clearing trigger is off', async () => {
    const ref = REFERENCES[1]!;
    await owner.query('begin');
    try {
      const child = await childWithReference(owner, ref);
      const id = await freshParent(owner, ref, child);
      await owner.query('alter table station disable trigger clear_deputy_station_id');
      await expect(owner.query('delete from station where id = $1', [id])).rejects.toMatchObject({
        code: '23503',
        constraint: 'deputy_station_id_foreign',
      });
    } finally {
      await owner.query('rollback');
    }
    expect(
      await owner.query(`select tgenabled from pg_trigger where tgname = 'clear_deputy_station_id'`),
    ).toMatchObject({
      rows: [{ tgenabled: 'O' }],
    });
  });

  it('clears a child inserted by a concurrent transaction that commits while the delete waits for it', async () => {
    const ref = REFERENCES[1]!;
    const child = await childWithReference(owner, ref);
    const station = await freshParent(owner, ref, child);
    const writer = new pg.Client({ connectionString: database.ownerUrl });
    const deleter = new pg.Client({ connectionString: database.ownerUrl });
    await Promise.all([writer.connect(), deleter.connect()]);
    try {
      await writer.query('begin');
      const { rows } = await writer.query<{ id: string }>(
        `insert into deputy select (jsonb_populate_record(null::deputy, to_jsonb(d) || jsonb_build_object('id', gen_random_uuid(), 'name', '并发代表'))).*
           from deputy d where d.id = $1 returning id`,
        [child],
      );
      const inserted = rows[0]!.id;
      const deleterPid = (await deleter.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const deleting = deleter.query('delete from station where id = $1', [station]);
      // The delete waits on the row lock the writer's foreign key check holds on the station.
      for (;;) {
        const { rows: waiting } = await owner.query(
          `select 1 from pg_stat_activity where pid = $1 and wait_event_type = 'Lock'`,
          [deleterPid],
        );
        if (waiting.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await writer.query('commit');
      expect((await deleting).rowCount).toBe(1);
      expect(await rowOf(owner, 'deputy', inserted)).toMatchObject({ station_id: null, name: '并发代表' });
      expect(await rowOf(owner, 'deputy', child)).toMatchObject({ station_id: null });
    } finally {
      await Promise.all([writer.end(), deleter.end()]);
    }
  });
});
