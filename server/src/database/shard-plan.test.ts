import { withDatabaseClient } from '../test-support/test-cluster.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { DISTRIBUTED_TABLES, LOCAL_TABLES, REFERENCE_TABLES } from './shard-plan.js';
import { shardRuleViolations } from './shard-rules.js';

const CLASSIFIED = [...DISTRIBUTED_TABLES, ...REFERENCE_TABLES, ...LOCAL_TABLES];

describe('the schema is ready to shard by county (Citus rules, catalog of the migrated database)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('classifies each table once', () => {
    expect(new Set(CLASSIFIED).size).toBe(CLASSIFIED.length);
  });

  it('breaks none of the rules: keys, unique constraints and foreign keys all carry county_id', async () => {
    expect(await withDatabaseClient(database.url, (client) => shardRuleViolations(client, CLASSIFIED))).toEqual([]);
  });

  it('finds each kind of violation (checked inside a transaction that is rolled back)', async () => {
    const violations = await withDatabaseClient(database.url, async (client) => {
      await client.query('begin');
      try {
        await client.query(`create table pilot_note (id uuid primary key, county_id uuid not null)`);
        await client.query(`create unique index deputy_id_only on deputy (id)`);
        await client.query(
          `alter table activity add constraint activity_by_deputy_id foreign key (id) references deputy (id) not valid`,
        );
        await client.query(`alter table election drop constraint election_pkey`);
        await client.query(`alter table election alter column county_id drop not null`);
        await client.query(`alter table metric_definition add column township_id uuid`);
        await client.query(
          `alter table metric_definition add constraint metric_definition_township foreign key (county_id, township_id) references township (county_id, id)`,
        );
        await client.query(`create unique index deputy_by_county on deputy (county_id, id)`);
        await client.query(
          `alter table voter_contact add constraint voter_contact_any_deputy foreign key (county_id, deputy_id) references deputy (county_id, id)`,
        );
        await client.query(
          `alter table deputy add constraint deputy_group_set_null foreign key (county_id, township_id, group_id) references deputy_group (county_id, township_id, id) on delete set null (group_id) not valid`,
        );
        return await shardRuleViolations(client, CLASSIFIED);
      } finally {
        await client.query('rollback');
      }
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        'pilot_note: not classified in shard-plan.ts',
        'deputy: unique index deputy_id_only (id) lacks county_id',
        'election: distributed, but county_id is nullable',
        'election: distributed, but has no primary key',
        'activity.activity_by_deputy_id (id) → deputy (id): a foreign key between distributed tables must pair county_id with county_id',
        'deputy.deputy_group_set_null (county_id, township_id, group_id) → deputy_group (county_id, township_id, id): Citus refuses on delete set null or set default on a key with county_id',
        expect.stringMatching(
          /^metric_definition\.metric_definition_township .*: a reference table may only reference reference tables$/,
        ),
        expect.stringMatching(
          /^voter_contact\.voter_contact_any_deputy .*: both rows belong to one township, so the key must pair township_id/,
        ),
      ]),
    );
  });
});
