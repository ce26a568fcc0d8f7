import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidV7 } from '../common/ids/uuid-v7.js';

/**
 * Record coverage the five reports support, and nothing more (server/README.md, "Which figure counts").
 * A kind is covered from a date only when the report accounts for every such record from then on:
 * 思蒙镇 gives its year's suggestions (11, all handled) and its visits and letters (25 and 3); 群利镇 and
 * 镇江镇 give the year's elections. No report accounts for every activity or every congress session of
 * 2021 (群利镇 lists dated events without a total, 镇江镇 folds inspections and research visits into
 * one figure), so activities stay uncovered and their counts are at most lower bounds.
 */
export const SEED_RECORD_COVERAGE: readonly { township: string; kind: string; since: string }[] = [
  { township: 'SIMENG', kind: 'SUGGESTION', since: '2021-01-01' },
  { township: 'SIMENG', kind: 'VOTER_CONTACT', since: '2021-01-01' },
  { township: 'QUNLI', kind: 'ELECTION', since: '2021-01-01' },
  { township: 'ZHENJIANG', kind: 'ELECTION', since: '2021-01-01' },
];

/** Inserts the seed townships' coverage (owner role, inside the seeding transaction); returns the rows. */
export async function seedRecordCoverage(em: EntityManager): Promise<number> {
  const values = SEED_RECORD_COVERAGE.map(() => '(?::uuid, ?, ?, ?::date)').join(', ');
  const inserted = await em.execute<{ id: string }[]>(
    // The alias: Citus 12.1 sends a parameterised INSERT … SELECT … RETURNING to the shards without one and
    // fails there ("missing FROM-clause entry for table record_coverage").
    `insert into record_coverage as rc (id, township_id, county_id, provenance, record_kind, recorded_since)
     select v.id, t.id, t.county_id, 'REPORTED', v.kind, v.since
       from (values ${values}) as v(id, code, kind, since) join township t on t.code = v.code
     returning rc.id`,
    SEED_RECORD_COVERAGE.flatMap((c) => [uuidV7(), c.township, c.kind, c.since]),
  );
  return inserted.length;
}
