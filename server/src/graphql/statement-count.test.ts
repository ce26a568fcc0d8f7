import { startTestServer, type TestServer } from '../test-support/test-server.js';
import pg from 'pg';

const NESTED = `query ($deputies: Int!) {
  townships(first: 5) {
    nodes {
      name
      deputies(first: $deputies) {
        totalCount
        nodes { name station { name } group { name } term { name } }
      }
    }
  }
}`;

describe('nested queries are batched by per-request loaders', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('5 townships → deputies → station/group/term costs one statement per level, whatever the rows', async () => {
    const small = await t.countStatements(NESTED, { deputies: 1 });
    expect(small.response.errors).toBeUndefined();
    const large = await t.countStatements(NESTED, { deputies: 200 });
    expect(large.response.errors).toBeUndefined();
    const townships = (large.response.data as { townships: { nodes: { deputies: { nodes: unknown[] } }[] } }).townships
      .nodes;
    expect(townships).toHaveLength(5);
    const deputiesReturned = townships.reduce((sum, t) => sum + t.deputies.nodes.length, 0);
    expect(deputiesReturned).toBeGreaterThan(300);
    // townships page; deputies of all 5; stations, groups and terms folded into one (read-batcher.ts)
    expect(large.statements).toBe(3);
    expect(small.statements).toBeLessThanOrEqual(large.statements);
  });

  it('stays at the same statement count after the data grows', async () => {
    const before = await t.countStatements(NESTED, { deputies: 200 });
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      // Copy every deputy once more: twice the rows under every township and station.
      await client.query(`insert into deputy (id, created_at, updated_at, township_id, county_id, provenance, term_id, group_id, station_id, name, gender, level, status, by_election)
        select gen_random_uuid(), now(), now(), township_id, county_id, 'SYNTHETIC', term_id, group_id, station_id, name || '乙', gender, level, status, by_election from deputy`);
    } finally {
      await client.end();
    }
    const after = await t.countStatements(NESTED, { deputies: 200 });
    expect(after.response.errors).toBeUndefined();
    expect(after.statements).toBe(before.statements);
  });
});
