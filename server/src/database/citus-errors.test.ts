import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createErrorFormatter } from '../common/errors/format-graphql-error.js';
import { mapAvailabilityError } from '../common/errors/map-availability-error.js';
import { mapDatabaseError } from '../common/errors/map-database-error.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createOrm } from './create-orm.js';

/**
 * What a Citus cluster answers must reach clients as coded errors, never INTERNAL. The errors here are
 * real PostgreSQL errors through MikroORM: 0A000 from PostgreSQL's own planner, and Citus's messages with
 * Citus's SQLSTATEs raised by PL/pgSQL (the cluster itself is checked by hand, server/README.md).
 */
describe('database errors of a sharded deployment', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  const failure = async (sql: string): Promise<unknown> => {
    try {
      await orm.em.fork().execute(sql);
    } catch (error) {
      return error;
    }
    throw new Error(`no error from: ${sql}`);
  };
  const raise = (message: string, errcode: string) =>
    failure(`do $$ begin raise exception '${message}' using errcode = '${errcode}'; end $$`);
  const mapped = (error: unknown) => mapDatabaseError(error) ?? mapAvailabilityError(error);

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ clientUrl: database.ownerUrl, poolMax: 1 });
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('answers feature_not_supported (0A000) as UNAVAILABLE, with both messages, and logs it for the operator', async () => {
    // PostgreSQL's own 0A000: FOR UPDATE is not allowed with aggregate functions.
    const error = await failure('select count(*) from deputy for update');
    expect(error).toMatchObject({ code: '0A000' });
    const logged: unknown[] = [];
    const format = createErrorFormatter({ error: (e) => logged.push(e) });
    const formatted = format(
      { message: 'x', path: ['deputies'] },
      new GraphQLError('x', { originalError: error as Error }),
    );
    expect(formatted.extensions).toEqual({
      code: 'UNAVAILABLE',
      reason: 'DATABASE_FEATURE_NOT_SUPPORTED',
      field: null,
      messageZh: expect.stringContaining('数据库无法执行此请求') as string,
      messageEn: expect.stringContaining('The database cannot run this request') as string,
      details: { sqlState: '0A000' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/select|deputy|FOR UPDATE/i);
    expect(logged).toEqual([error]);
  });

  it("answers Citus's “could not create distributed plan” the same way", async () => {
    const error = await raise('could not create distributed plan', 'feature_not_supported');
    expect(mapped(error)).toMatchObject({ code: 'UNAVAILABLE', reason: 'DATABASE_FEATURE_NOT_SUPPORTED' });
  });

  it("answers Citus's refusal of a shard written by another role in the transaction the same way", async () => {
    const error = await raise(
      'cannot perform query on placements that were modified in this transaction by a different user',
      'active_sql_transaction',
    );
    expect(mapped(error)).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DATABASE_FEATURE_NOT_SUPPORTED',
      details: { sqlState: '25001' },
    });
    // Another active_sql_transaction error is a bug of ours, left to the generic internal error.
    expect(mapped(await raise('some other refusal', 'active_sql_transaction'))).toBeNull();
  });

  it("answers Citus's planner refusals raised as internal_error (XX000) the same way, and only those", async () => {
    // Citus 12.1 on PostgreSQL 15 refuses an outer join under pseudoconstant quals with no SQLSTATE of its own.
    const error = await raise(
      'Distributed queries with outer joins and pseudoconstant quals are not supported in PG14, PG15 and PG16.',
      'internal_error',
    );
    expect(mapped(error)).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DATABASE_FEATURE_NOT_SUPPORTED',
      details: { sqlState: 'XX000' },
    });
    // Another internal error is a bug, left to the generic internal error; the text with another code too.
    expect(mapped(await raise('some other internal error', 'internal_error'))).toBeNull();
    expect(
      mapped(await raise('Distributed queries with outer joins are not supported in PG15', 'raise_exception')),
    ).toBeNull();
  });

  it.each([
    [
      'connection to the remote node renda_app@127.0.0.1:35422 failed with the following error: Connection refused',
      'connection_failure',
    ],
    ['connection to the remote node renda_app@127.0.0.1:35422 failed', 'connection_failure'],
    ['failure on connection marked as essential: 127.0.0.1:35422', 'internal_error'],
    ['could not establish any connections to the node 127.0.0.1:35423 after 5000 ms', 'connection_failure'],
    ['could not connect to any active placements', 'internal_error'],
  ])('answers a worker that is down (%s) as DATABASE_NODE_UNAVAILABLE, retryable', async (message, errcode) => {
    const error = await raise(message, errcode);
    expect(mapped(error)).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'DATABASE_NODE_UNAVAILABLE',
      messageZh: '数据库集群的一个节点暂时不可用，未作任何修改，请稍后重试',
    });
  });

  it('answers a commit a worker broke off as DATABASE_COMMIT_OUTCOME_UNKNOWN, never claiming nothing changed', async () => {
    const error = await raise(
      'could not commit transaction for shard 102039 on at least one active node',
      'internal_error',
    );
    expect(mapped(error)).toMatchObject({ code: 'UNAVAILABLE', reason: 'DATABASE_COMMIT_OUTCOME_UNKNOWN' });
    expect(mapped(error)!.messageEn).not.toMatch(/nothing was changed/);
    // The same text from a plpgsql exception (P0001) is a bug of ours, left to the generic internal error.
    expect(
      mapped(await raise('could not commit transaction for shard 1 on at least one active node', 'raise_exception')),
    ).toBeNull();
  });

  it("answers a worker's own outage error relayed by the coordinator as DATABASE_NODE_UNAVAILABLE", async () => {
    // PostgreSQL cannot raise an error with another context, so this one is shaped as the lab cluster's
    // coordinator relayed it when a worker was killed mid-transaction (server/README.md, A Citus cluster's
    // errors); without the context the same code stays DATABASE_UNAVAILABLE.
    const relayed = await raise('terminating connection due to unexpected postmaster exit', 'admin_shutdown');
    expect(mapped(relayed)).toMatchObject({ reason: 'DATABASE_UNAVAILABLE' });
    Object.assign(relayed as object, { where: 'while executing command on 127.0.0.1:35422' });
    expect(mapped(relayed)).toMatchObject({ code: 'UNAVAILABLE', reason: 'DATABASE_NODE_UNAVAILABLE' });
  });

  it("does not take the caller's text quoting those messages for an outage", async () => {
    const quoted = await failure(`select 'connection to the remote node x failed'::uuid`);
    expect(mapped(quoted)).toMatchObject({ reason: 'INVALID_VALUE' });
    // A plpgsql exception (P0001) with that text is a bug of ours, left to the generic internal error.
    expect(mapped(await raise('connection to the remote node x failed', 'raise_exception'))).toBeNull();
  });
});
