import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../database/create-orm.js';
import { StatementCounter } from '../database/statement-counter.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { readRows } from '../common/entities/read-batcher.js';
import { applyIdentity } from './apply-identity.js';
import { UserRole } from './user-role.enum.js';

interface Clerk {
  id: string;
  county_id: string;
  township_id: string;
  tv: number;
}

/**
 * Reads as connection-prepared statements (common/entities/prepared-reads.ts): what the plain text answered, through a
 * prepared statement once PostgreSQL accepted the text, with row-level security still the caller's on a
 * connection that serves one township's clerk after another's.
 */
describe('prepared reads', () => {
  let database: TestDatabase;
  let owner: MikroORM;
  let app: MikroORM;
  const counter = new StatementCounter();
  let clerks: Clerk[];

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await createOrm({ clientUrl: database.ownerUrl });
    // One connection: every transaction below, and the check beside them, share it.
    app = await createOrm({ clientUrl: database.appUrl, poolMax: 1, statementCounter: counter });
    clerks = await owner.em.execute<Clerk[]>(
      `select distinct on (u.township_id) u.id, u.county_id, u.township_id, u.token_version as tv from app_user u
        where u.role = 'TOWNSHIP_CLERK' and exists (select 1 from deputy d where d.township_id = u.township_id)
        order by u.township_id, u.login limit 2`,
    );
  });
  afterAll(async () => {
    await owner.close();
    await app.close();
    await database.drop();
  });

  /** `sql` read as `clerk` in a read-only request transaction, with the statements it sent. */
  async function readAs(clerk: Clerk, sql: string, params: unknown[], columns: string[]) {
    const em = app.em.fork() as EntityManager;
    await em.begin({ readOnly: true });
    counter.recorded = [];
    try {
      await applyIdentity(em, {
        userId: clerk.id,
        role: UserRole.TOWNSHIP_CLERK,
        countyId: clerk.county_id,
        townshipId: clerk.township_id,
        tokenVersion: clerk.tv,
      });
      const rows = await readRows(em, { sql, params, columns });
      const prepared = await em.execute<{ name: string }[]>('select name from pg_prepared_statements');
      return { rows, sent: counter.recorded.map((s) => s.sql), prepared: prepared.map((p) => p.name) };
    } finally {
      counter.recorded = null;
      await em.rollback();
    }
  }

  const BY_TOWNSHIP = `select d.township_id, count(*)::int as n from deputy d where d.provenance <> ? group by d.township_id order by d.township_id`;

  it('runs a read as plain text first, then prepared once PostgreSQL accepted its text, with the same answer', async () => {
    const [clerk] = clerks;
    const first = await readAs(clerk!, BY_TOWNSHIP, ['NONE'], ['township_id', 'n']);
    expect(first.sent.some((sql) => sql.startsWith('select d.township_id'))).toBe(true);
    // the check: prepared and dropped again behind a savepoint, in the same transaction
    expect(first.sent.some((sql) => /^savepoint \w+; prepare renda_read_\w+ as select d\.township_id/.test(sql))).toBe(
      true,
    );
    const again = await readAs(clerk!, BY_TOWNSHIP, ['NONE'], ['township_id', 'n']);
    const execute = again.sent.find((sql) => /^execute renda_read_\w+\('NONE'\)$/.test(sql));
    expect(execute).toBeDefined();
    expect(again.prepared).toContain(/^execute (\w+)/.exec(execute!)![1]);
    expect(again.rows).toStrictEqual(first.rows);
    expect(again.rows).toStrictEqual([{ township_id: clerk!.township_id, n: expect.any(Number) }]);
  });

  it("keeps each caller's rows through one connection's prepared plan, clerk after clerk", async () => {
    expect(clerks).toHaveLength(2);
    await readAs(clerks[0]!, BY_TOWNSHIP, ['NONE'], ['township_id', 'n']);
    // past five executions PostgreSQL may switch to a generic plan: alternate well beyond that
    for (let round = 0; round < 8; round++) {
      for (const clerk of clerks) {
        const { rows, sent } = await readAs(clerk, BY_TOWNSHIP, ['NONE'], ['township_id', 'n']);
        expect(sent.some((sql) => sql.startsWith('execute renda_read_'))).toBe(true);
        expect(rows.map((row) => row['township_id'])).toStrictEqual([clerk.township_id]);
      }
    }
  });

  it('leaves a text PostgreSQL cannot prepare, and values whose literal types differ, as plain reads', async () => {
    const [clerk] = clerks;
    // A parameter whose place implies no type: PostgreSQL refuses the prepare ("could not determine data
    // type of parameter $1"), where the plain text's literal is simply text.
    const untyped = 'select count(*)::int as n from township where ? is not null';
    const first = await readAs(clerk!, untyped, ['镇'], ['n']);
    const again = await readAs(clerk!, untyped, ['镇'], ['n']);
    expect(first.sent).toContain('rollback to savepoint renda_prepare_check');
    expect(again.sent).toContain(`select count(*)::int as n from township where '镇' is not null`);
    expect(again.rows).toStrictEqual(first.rows);
    expect(again.rows).toStrictEqual([{ n: 1 }]);
    // A fraction's literal is numeric, a parameter compared with an integer column would be an integer.
    const fraction = 'select count(*)::int as n from deputy where birth_year > ?';
    await readAs(clerk!, fraction, [1980.5], ['n']);
    const plain = await readAs(clerk!, fraction, [1980.5], ['n']);
    expect(plain.sent).toContain('select count(*)::int as n from deputy where birth_year > 1980.5');
  });
});
