import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { percentage } from '../metric/recorded-metrics.service.js';
import { analyticsPeriod } from './analytics-period.js';
import { SMALL_SAMPLE_CASES } from './compare.service.js';
import type { KeyCount } from './dto/key-count.type.js';
import type { SuggestionAnalytics } from './dto/suggestion-analytics.type.js';

interface GroupRow {
  dimension: string;
  key: string | null;
  n: string;
}

/** Suggestions of a year (by submission date), counted in PostgreSQL: two statements whatever the volume. */
export class SuggestionAnalyticsService {
  constructor(private readonly em: EntityManager) {}

  async analyse(countyId: string, year: number, townshipId: string | null, asOf: string): Promise<SuggestionAnalytics> {
    const period = analyticsPeriod(year, null, []);
    if (townshipId) assertUuid(townshipId, ['townshipId']);
    const scope = `s.county_id = ?::uuid and s.submitted_on between ?::date and ?::date${townshipId ? ' and s.township_id = ?::uuid' : ''}`;
    const params = [countyId, period.from, period.to, ...(townshipId ? [townshipId] : [])];
    const [groups, cohorts] = await Promise.all([
      this.em.execute<GroupRow[]>(
        `select case when grouping(s.state) = 0 then 'state' when grouping(s.outcome_class) = 0 then 'outcome'
                     when grouping(s.category) = 0 then 'category' when grouping(s.handling_unit) = 0 then 'unit' else 'total' end as dimension,
                coalesce(s.state, s.outcome_class, s.category, s.handling_unit) as key, count(*) as n
           from suggestion s where ${scope}
          group by grouping sets ((s.state), (s.outcome_class), (s.category), (s.handling_unit), ())
         union all
         select 'overdue', null, count(*) from suggestion s
          where ${scope} and s.deadline < ?::date and s.state in ('ASSIGNED', 'IN_PROGRESS')`,
        [...params, ...params, asOf],
      ),
      this.em.execute<{ kind: string; label: string; received: string; completed: string }[]>(
        // Joined on the county as well as the session: the whole statement then names one county, so Citus
        // routes it to one shard group, where it accepts the outer join (on every shard, PostgreSQL 15 Citus
        // refuses outer joins beside the policies' constant conditions).
        `select 'session' as kind, coalesce(cs.name, '未关联会议') as label, count(*) as received,
                count(*) filter (where s.state = 'COMPLETED') as completed
           from suggestion s left join congress_session cs on cs.county_id = s.county_id and cs.id = s.session_id
          where ${scope}
          group by coalesce(cs.name, '未关联会议')
         union all
         select 'quarter', '第' || extract(quarter from s.submitted_on)::int || '季度', count(*), count(*) filter (where s.state = 'COMPLETED')
           from suggestion s where ${scope} group by extract(quarter from s.submitted_on)
         order by 1, 2`,
        [...params, ...params],
      ),
    ]);
    const pick = (dimension: string): KeyCount[] =>
      groups
        .filter((g) => g.dimension === dimension)
        .map((g) => ({ key: g.key, count: Number(g.n) }))
        .sort((a, b) => b.count - a.count);
    const cohort = (kind: string) =>
      cohorts
        .filter((c) => c.kind === kind)
        .map((c) => {
          const received = Number(c.received);
          const completed = Number(c.completed);
          return {
            label: c.label,
            received,
            completed,
            rate: percentage(completed, received),
            smallSample: received < SMALL_SAMPLE_CASES,
          };
        });
    return {
      total: Number(groups.find((g) => g.dimension === 'total')?.n ?? 0),
      byState: pick('state'),
      byOutcomeClass: pick('outcome'),
      byCategory: pick('category'),
      byHandlingUnit: pick('unit'),
      asOf,
      overdue: Number(groups.find((g) => g.dimension === 'overdue')?.n ?? 0),
      completionBySession: cohort('session'),
      completionByQuarter: cohort('quarter'),
    };
  }
}
