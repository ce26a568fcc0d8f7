import 'reflect-metadata';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from './create-orm.js';
import { executePrepared } from './prepared-statement.js';
import { HeldStatementsClient } from './held-statements-client.js';
import { executeDeferred } from './deferred-statement.js';
import { sessionStatement } from '../common/sql/session-statements.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';

/** pg's wire connection: `query` sends one simple-protocol message, `parse` starts an extended one. */
interface WireConnection {
  query(text: string): void;
  parse(query: { text: string }): void;
}
const wire = (pg as unknown as { Connection: { prototype: WireConnection } }).Connection.prototype;

describe('HeldStatementsClient: BEGIN, and a read-only transaction’s end, travel with the next statement', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let pool: pg.Pool;
  const sent: string[] = [];
  const original = { query: wire.query, parse: wire.parse };

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ clientUrl: database.ownerUrl, poolMax: 1 });
    pool = new pg.Pool({ connectionString: database.ownerUrl, max: 1, Client: HeldStatementsClient });
  });
  afterAll(async () => {
    await pool?.end();
    await orm?.close(true);
    await database?.drop();
  });
  beforeEach(async () => {
    // Connect first, so that only the test's own messages are recorded.
    await orm.em.fork().execute('select 1');
    sent.length = 0;
    // Record every message the connection sends, then send it as pg would.
    wire.query = function (this: WireConnection, text: string) {
      sent.push(text);
      original.query.call(this, text);
    };
    wire.parse = function (this: WireConnection, query: { text: string }) {
      sent.push(`parse: ${query.text}`);
      original.parse.call(this, query);
    };
  });
  afterEach(() => Object.assign(wire, original));

  it('sends a request-like read in two messages, its commit with the next statement on the connection', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const [first] = await em.execute<{ read_only: string; set: string }[]>(
      `select current_setting('transaction_read_only') as read_only, set_config('renda.probe', 'inside', true) as set`,
    );
    const [second] = await em.execute<{ probe: string }[]>(`select current_setting('renda.probe', true) as probe`);
    await em.commit();
    const [after] = await orm.em
      .fork()
      .execute<{ probe: string | null }[]>(`select current_setting('renda.probe', true) as probe`);

    // The first statement ran read-only, inside the transaction the begin opened; the setting it made
    // lasted for the transaction and ended with it.
    expect(first).toEqual({ read_only: 'on', set: 'inside' });
    expect(second).toEqual({ probe: 'inside' });
    expect(after.probe ?? '').toBe('');
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^start transaction read only;\s*select current_setting\('transaction_read_only'\)/);
    expect(sent.slice(1)).toEqual([
      `select current_setting('renda.probe', true) as probe`,
      `commit;\nselect current_setting('renda.probe', true) as probe`,
    ]);
  });

  it('sends a held read-only end alone when no statement comes, so no connection idles in a transaction', async () => {
    const observer = new pg.Client({ connectionString: database.ownerUrl });
    await observer.connect();
    try {
      const em = orm.em.fork();
      await em.begin({ readOnly: true });
      const [{ pid }] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
      await em.commit();
      // Answered, not sent: nothing waits on a read-only commit.
      expect(sent).toEqual(['start transaction read only;\nselect pg_backend_pid() as pid']);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await observer.query<{ state: string }>(
        '/* observer */ select state from pg_stat_activity where pid = $1',
        [pid],
      );
      expect(rows[0]?.state).toBe('idle');
      expect(sent.filter((text) => !text.includes('observer'))).toEqual([
        'start transaction read only;\nselect pg_backend_pid() as pid',
        'commit',
      ]);
    } finally {
      await observer.end();
    }
  });

  it('hands a read-only end to the next transaction on the connection: commit, begin and statement in one', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    await em.execute(`select set_config('renda.probe', 'first', true)`);
    await em.commit();
    await em.begin({ readOnly: true });
    const [row] = await em.execute<{ probe: string | null; read_only: string }[]>(
      `select current_setting('renda.probe', true) as probe, current_setting('transaction_read_only') as read_only`,
    );
    await em.commit();
    // The first transaction ended before the second began: its setting is gone.
    expect(row).toEqual({ probe: '', read_only: 'on' });
    expect(sent[1]).toMatch(/^commit;\nstart transaction read only;\nselect current_setting\('renda.probe'/);
  });

  it('keeps each of many concurrent read-only transactions on two connections to its own settings', async () => {
    // Connections handed on with a commit still held: the next transaction must start clean every time.
    const two = await createOrm({ clientUrl: database.ownerUrl, poolMax: 2 });
    try {
      const seen = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const em = two.em.fork();
          await em.begin({ readOnly: true });
          try {
            const [before] = await em.execute<{ probe: string | null }[]>(
              `select current_setting('renda.probe', true) as probe, set_config('renda.probe', '${i}', true)`,
            );
            await new Promise((resolve) => setTimeout(resolve, i % 3));
            const [after] = await em.execute<{ probe: string }[]>(
              `select current_setting('renda.probe', true) as probe`,
            );
            return { before: before!.probe ?? '', after: after!.probe };
          } finally {
            await em.commit();
          }
        }),
      );
      expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => ({ before: '', after: String(i) })));
    } finally {
      await two.close(true);
    }
  });

  it('sends a write transaction’s commit at once and answers it only when PostgreSQL has', async () => {
    const em = orm.em.fork();
    await em.begin();
    await em.execute(`select set_config('renda.probe', 'written', true)`);
    const before = sent.length;
    await em.commit();
    expect(sent.slice(before)).toEqual(['commit']);
  });

  it('rolls back what the first statement did: the begin reached the server before it', async () => {
    const em = orm.em.fork();
    await em.begin();
    // A session-level setting (is_local false) survives a commit but not a rollback of its transaction.
    await em.execute(`select set_config('renda.session_probe', 'set', false)`);
    await em.rollback();
    const [row] = await orm.em
      .fork()
      .execute<{ probe: string | null }[]>(`select current_setting('renda.session_probe', true) as probe`);
    expect(row.probe ?? '').toBe('');
    expect(sent.filter((text) => /set_config/.test(text))).toEqual([
      `begin;\nselect set_config('renda.session_probe', 'set', false)`,
    ]);
  });

  it('sends a deferred first statement with the next one: one message, and its rows reach its caller', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const deferred = await executeDeferred<{ set: string; answer: number }>(
      em,
      `select set_config('renda.probe', 'deferred', true) as set, 42 as answer`,
      [],
    );
    expect(sent).toEqual([]);
    const [row] = await em.execute<{ probe: string }[]>(`select current_setting('renda.probe', true) as probe`);
    // the deferred statement ran first, in the same transaction
    expect(row!.probe).toBe('deferred');
    expect(await deferred()).toEqual([{ set: 'deferred', answer: 42 }]);
    await em.commit();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(
      /^start transaction read only;\nselect set_config\('renda\.probe'.*renda:deferred \d+ \*\/;\nselect current_setting/s,
    );
  });

  it('sends a deferred statement (with its begin) as soon as its caller asks, when no statement came', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const deferred = await executeDeferred<{ answer: number }>(em, `select 7 as answer`, []);
    expect(await deferred()).toEqual([{ answer: 7 }]);
    expect(sent).toHaveLength(1);
    const [row] = await em.execute<{ read_only: string }[]>(
      `select current_setting('transaction_read_only') as read_only`,
    );
    await em.commit();
    expect(row!.read_only).toBe('on');
    expect(sent).toHaveLength(2);
  });

  it('fails the deferred caller and the statement that carried it when the deferred statement fails', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const deferred = await executeDeferred(em, `select 1 / 0 as never`, []);
    await expect(em.execute('select 1 as one')).rejects.toThrow(/division by zero/);
    await expect(deferred()).rejects.toMatchObject({ code: '22012' });
    await em.rollback();
    expect((await orm.em.fork().execute<{ two: number }[]>('select 2 as two'))[0]).toEqual({ two: 2 });
  });

  it('tells the deferred caller when its transaction ended before the statement was sent', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const deferred = await executeDeferred(em, `select 1 as one`, []);
    await em.rollback();
    await expect(deferred()).rejects.toThrow(/not sent: its transaction ended first/);
    expect(sent).toEqual([]);
  });

  it('answers a deferred statement at once where it is not the first of its transaction', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    await em.execute('select 1');
    const deferred = await executeDeferred<{ answer: number }>(em, `select 8 as answer`, []);
    expect(sent).toHaveLength(2);
    expect(await deferred()).toEqual([{ answer: 8 }]);
    await em.commit();
  });

  it('sends nothing for a transaction that ran no statement', async () => {
    const em = orm.em.fork();
    await em.begin();
    await em.commit();
    await em.begin({ readOnly: true });
    await em.rollback();
    expect(sent).toEqual([]);
    const client = await pool.connect();
    try {
      expect((await client.query('begin')).command).toBe('BEGIN');
      expect((await client.query('rollback')).command).toBe('ROLLBACK');
      // Nothing was opened: the connection is idle, not in a transaction.
      expect(sent).toEqual([]);
      expect((await client.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
    } finally {
      client.release();
    }
  });

  it('leaves the transaction aborted when the first statement fails, and the rollback ends it', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await expect(client.query('select 1 / 0')).rejects.toMatchObject({ code: '22012' });
      // Still inside the aborted block, as when the begin went alone.
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
      expect((await client.query('select 3 as three')).rows).toEqual([{ three: 3 }]);
    } finally {
      client.release();
    }
  });

  it('returns the statements’ own results when the statement after the begin is several', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const results = (await client.query('select 1 as a; select 2 as b')) as unknown as pg.QueryResult[];
      expect(results.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
      await client.query('commit');
    } finally {
      client.release();
    }
  });

  it('sends the begin alone before a prepared statement, which then runs inside the transaction', async () => {
    const em = orm.em.fork();
    await em.begin({ readOnly: true });
    const rows = await executePrepared<{ read_only: string; n: number }>(
      em,
      `select current_setting('transaction_read_only') as read_only, ?::int as n`,
      [7],
    );
    await em.commit();
    expect(rows).toEqual([{ read_only: 'on', n: 7 }]);
    expect(sent[0]).toBe('start transaction read only');
    expect(sent[1]).toMatch(/^parse: select current_setting\('transaction_read_only'\)/);
  });

  it('sends a query with parameters after its begin, in the transaction', async () => {
    const client = await pool.connect();
    try {
      await client.query('start transaction read only');
      const { rows } = await client.query<{ read_only: string; n: number }>(
        `select current_setting('transaction_read_only') as read_only, $1::int as n`,
        [5],
      );
      await client.query('commit');
      expect(rows).toEqual([{ read_only: 'on', n: 5 }]);
      expect(sent.slice(0, 2)).toEqual([
        'start transaction read only',
        `parse: select current_setting('transaction_read_only') as read_only, $1::int as n`,
      ]);
    } finally {
      client.release();
    }
  });

  describe('a session statement', () => {
    const PROBE = sessionStatement('renda_test_probe', ['text'], `select ?::text || '!' as probe`);
    const executeProbe = (em: ReturnType<typeof orm.em.fork>, value: string) =>
      em.execute<{ probe: string }[]>(PROBE, [value]);

    it('is prepared in the same message as its first execute on a connection, and only then', async () => {
      const em = orm.em.fork();
      await em.begin({ readOnly: true });
      const [first] = await executeProbe(em, 'a');
      await em.commit();
      await em.begin({ readOnly: true });
      const [second] = await executeProbe(em, 'b');
      await em.commit();
      expect([first!.probe, second!.probe]).toEqual(['a!', 'b!']);
      const carried = sent.filter((text) => /renda_test_probe/.test(text));
      expect(carried).toHaveLength(2);
      expect(carried[0]).toMatch(
        /^prepare renda_test_probe\(text\) as select \$1::text.*;\nstart transaction read only;\nexecute renda_test_probe\('a'\)$/s,
      );
      expect(carried[1]).not.toMatch(/prepare/);
    });

    it('is prepared again after PostgreSQL says the connection lacks it', async () => {
      const em = orm.em.fork();
      await executeProbe(em, 'c');
      // the statement goes away behind the client's back, as when a prepare failed
      await em.execute('deallocate renda_test_probe');
      await expect(executeProbe(em, 'd')).rejects.toMatchObject({ code: '26000' });
      const [row] = await executeProbe(em, 'e');
      expect(row!.probe).toBe('e!');
    });

    it('prepares and executes a statement without parameters (no empty parentheses)', async () => {
      const none = sessionStatement('renda_test_probe_none', [], `select 'none' as probe`);
      expect(none).toBe('execute renda_test_probe_none');
      const [row] = await orm.em.fork().execute<{ probe: string }[]>(none);
      expect(row!.probe).toBe('none');
    });

    it('keeps its prepare for the next execute when its transaction ends before any statement', async () => {
      // a statement this connection has not prepared yet
      const other = sessionStatement('renda_test_probe_later', ['text'], `select ?::text || '~' as probe`);
      const em = orm.em.fork();
      await em.begin({ readOnly: true });
      await executeDeferred(em, other, ['f']);
      // nothing ran: the begin, the prepare and the deferred execute are dropped unsent
      await em.rollback();
      expect(sent.filter((text) => /renda_test_probe_later/.test(text))).toEqual([]);
      const [row] = await em.execute<{ probe: string }[]>(other, ['g']);
      expect(row!.probe).toBe('g~');
    });
  });
});
