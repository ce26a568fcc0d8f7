import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The demo county's points scheme (no report gives one: an example of the genre, marked as the county's
 * own rows carry no provenance) and generated 述职评议 records: one deputy in five of each township reports
 * to the voters at the end of 2021, with votes derived from the deputy's position. Generated rows are
 * SYNTHETIC like all generated seed data (seeds/README.md).
 */
const DEMO_SCHEME_RULES = [
  { duty: 'SESSION_PRESENT', points: 5, cap: null },
  { duty: 'SESSION_ABSENT', points: -5, cap: null },
  { duty: 'ACTIVITY_INSPECTION', points: 3, cap: 15 },
  { duty: 'ACTIVITY_RESEARCH_VISIT', points: 3, cap: 15 },
  { duty: 'ACTIVITY_LAW_ENFORCEMENT_CHECK', points: 3, cap: 15 },
  { duty: 'ACTIVITY_SUPERVISION', points: 2, cap: 10 },
  { duty: 'ACTIVITY_STUDY', points: 2, cap: 10 },
  { duty: 'ACTIVITY_VOTER_RECEPTION', points: 3, cap: 15 },
  { duty: 'ACTIVITY_VOTER_VISIT', points: 2, cap: 10 },
  { duty: 'ACTIVITY_DEPUTY_GROUP_ACTIVITY', points: 2, cap: 10 },
  { duty: 'ACTIVITY_ABSENT', points: -2, cap: 10 },
  { duty: 'RECEPTION', points: 1, cap: 10 },
  { duty: 'SUGGESTION_PROPOSED', points: 3, cap: 15 },
  { duty: 'SUGGESTION_ADOPTED', points: 2, cap: null },
  { duty: 'SUGGESTION_RESOLVED', points: 3, cap: null },
  { duty: 'REPORT_TO_VOTERS', points: 5, cap: null },
  { duty: 'REPORT_GRADE_EXCELLENT', points: 5, cap: null },
  { duty: 'REPORT_GRADE_GOOD', points: 3, cap: null },
  { duty: 'REPORT_GRADE_FAIR', points: 1, cap: null },
];

export const SEED_SCHEME_YEARS = [2021, 2026];
const REPORT_DAY = '2021-12-15';

/** Inserts the schemes and the generated reports (owner role, in the seeding transaction); returns the rows. */
export async function seedPerformance(em: EntityManager): Promise<number> {
  const schemes = await em.execute<{ id: string }[]>(
    `insert into performance_scheme (id, county_id, year, version, rules, year_cap)
     select gen_random_uuid(), c.id, y, 1, ?::jsonb, 100 from county c cross join unnest(?::int[]) as y
     returning id`,
    [JSON.stringify(DEMO_SCHEME_RULES), `{${SEED_SCHEME_YEARS.join(',')}}`],
  );
  // Joined and partitioned by county_id as well (the same rows): on a Citus cluster each county's part then
  // runs on its own shard group.
  const reports = await em.execute<{ id: string }[]>(
    `insert into deputy_report (id, township_id, county_id, provenance, deputy_id, station_id, reported_on,
       voters_present, satisfied, basically_satisfied, dissatisfied, title)
     select gen_random_uuid(), d.township_id, d.county_id, 'SYNTHETIC', d.id, d.station_id, ?::date,
       40 + n % 25, 20 + n % 9, 4 + n % 5, n % 3, '2021年度向选民述职'
     from (select d.*, row_number() over (partition by d.county_id, d.township_id order by d.name, d.id) as n from deputy d
           join term t on t.county_id = d.county_id and t.id = d.term_id
           where d.status = 'ACTIVE' and (t.started_on is null or t.started_on <= ?::date)
             and (t.ended_on is null or t.ended_on >= ?::date)) d
     where d.n % 5 = 1
     returning id`,
    [REPORT_DAY, REPORT_DAY, REPORT_DAY],
  );
  return schemes.length + reports.length;
}
