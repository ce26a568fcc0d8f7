import 'reflect-metadata';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from './create-orm.js';
import { executePrepared } from './prepared-statement.js';
import { StatementCounter } from './statement-counter.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';

describe('executePrepared', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const counter = new StatementCounter();

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ clientUrl: database.ownerUrl, statementCounter: counter, poolMax: 2 });
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('sends the statement once as a named prepared statement of the transaction’s connection, and reuses it', async () => {
    const em = orm.em.fork();
    await em.begin();
    try {
      // A setting local to this transaction: reading it back proves the statement ran in it.
      await em.execute(`select set_config('renda.probe', 'inside', true)`);
      const sql = `select current_setting('renda.probe', true) as probe, ?::int + 1 as next, ?::text as echoed`;
      const before = counter.total;
      const first = await executePrepared<{ probe: string; next: number; echoed: string }>(em, sql, [41, `it's; --`]);
      const second = await executePrepared<{ probe: string; next: number; echoed: string }>(em, sql, [1, null]);
      expect(first).toEqual([{ probe: 'inside', next: 42, echoed: `it's; --` }]);
      expect(second).toEqual([{ probe: 'inside', next: 2, echoed: null }]);
      // Counted like the ORM's own statements (tests and benchmarks count per request).
      expect(counter.total - before).toBe(2);
      const prepared = await em.execute<{ name: string; statement: string; parameter_types: string }[]>(
        `select name, statement, parameter_types::text from pg_prepared_statements where statement like '%renda.probe%'`,
      );
      // One prepared statement for both calls, with real parameters (nothing was inlined into the text).
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^renda_[0-9a-f]{24}$/);
      expect(prepared[0]!.statement).toContain('$1::int + 1');
      expect(prepared[0]!.parameter_types).toBe('{integer,text}');
    } finally {
      await em.rollback();
    }
  });

  it('converts database errors as em.execute does, and the transaction rolls back as a whole', async () => {
    const em = orm.em.fork();
    await em.execute('create table prepared_probe (id int primary key)');
    await em.begin();
    try {
      await executePrepared(em, 'insert into prepared_probe (id) values (?)', [1]);
      const duplicate = await executePrepared(em, 'insert into prepared_probe (id) values (?)', [1]).catch(
        (e: unknown) => e,
      );
      expect(duplicate).toBeInstanceOf(UniqueConstraintViolationException);
    } finally {
      await em.rollback();
    }
    const invalid = await executePrepared(orm.em.fork(), 'select ?::uuid as id', ['not-a-uuid']).catch(
      (e: unknown) => e,
    );
    expect(invalid).toBeInstanceOf(DriverException);
    expect((invalid as DriverException).code).toBe('22P02');
    const rows = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from prepared_probe');
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
