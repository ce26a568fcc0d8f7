import { SCALE_METRIC_KEYS, SCALE_QUARTERS } from '@renda/seeds/dist/scale/scale-tiers.js';

export type SystemName = 'renda' | 'postgraphile' | 'floor';
export type WorkloadName = 'B1' | 'B2';

/** How many townships B2 walks: like the README's drill-down, `townships(first: 10)`, × 50 deputies × 20 activities. */
export const B2_TOWNSHIPS = 10;

export const B1_VARIABLES = (countyId: string) => ({
  countyId,
  metricKeys: [...SCALE_METRIC_KEYS],
  periods: SCALE_QUARTERS.map(({ year, quarter }) => ({ year, quarter })),
});

/**
 * Our API: the comparison as county staff, as the dashboard's charts take it: one series per period ×
 * metric with values and ranks aligned with the townships.
 */
const RENDA_B1 = `query B1($countyId: ID!, $metricKeys: [String!]!, $periods: [PeriodInput!]!) {
  compareTownships(countyId: $countyId, metricKeys: $metricKeys, periods: $periods, normalize: NONE) {
    townships { id code name }
    series { periodIndex metricKey values ranks }
  }
}`;

/**
 * PostGraphile's nearest equivalent: the reported figures the comparison is made of, nested under the
 * county's townships (its schema has no comparison; ranking would happen in the client).
 */
const POSTGRAPHILE_B1 = `query B1($countyId: UUID!) {
  allTownships(condition: { countyId: $countyId }, orderBy: [CODE_ASC, PRIMARY_KEY_ASC]) {
    nodes {
      rowId code name
      quarterlyReportsByCountyIdAndTownshipId(orderBy: [YEAR_ASC, QUARTER_ASC]) {
        nodes { year quarter state quarterlyReportValuesByCountyIdAndTownshipIdAndReportId { nodes { metricKey reportedValue } } }
      }
    }
  }
}`;

const RENDA_B2 = `query B2($first: Int!) {
  townships(first: $first) {
    nodes { id name deputies(first: 50) { nodes { id name activities(first: 20) { nodes { id title occurredOn } } } } }
  }
}`;

const POSTGRAPHILE_B2 = `query B2($first: Int!) {
  allTownships(first: $first, orderBy: [CODE_ASC, PRIMARY_KEY_ASC]) {
    nodes {
      rowId name
      deputiesByCountyIdAndTownshipId(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
        nodes {
          rowId name
          activityParticipantsByCountyIdAndTownshipIdAndDeputyId(first: 20, orderBy: [OCCURRED_ON_DESC, ACTIVITY_ID_DESC]) {
            nodes { activityByCountyIdAndTownshipIdAndActivityId { rowId title occurredOn } }
          }
        }
      }
    }
  }
}`;

export const GRAPHQL_DOCUMENTS: Record<'renda' | 'postgraphile', Record<WorkloadName, string>> = {
  renda: { B1: RENDA_B1, B2: RENDA_B2 },
  postgraphile: { B1: POSTGRAPHILE_B1, B2: POSTGRAPHILE_B2 },
};

/**
 * The floor: one hand-written statement per workload that builds the server's response JSON inside
 * PostgreSQL. B1 ranks with rank() (competition ranking, as the server does) over reported figures and
 * answers in the API's series shape.
 */
export const FLOOR_SQL: Record<WorkloadName, string> = {
  B1: `with periods as (
         select (p->>'year')::int as year, (p->>'quarter')::int as quarter, (i - 1)::int as period_index
           from json_array_elements($2::json) with ordinality as x(p, i)),
       metrics as (
         select m.key, (k.i - 1)::int as metric_index, m.higher_is_better
           from json_array_elements_text($3::json) with ordinality as k(key, i) join metric_definition m on m.key = k.key),
       towns as (select t.id, t.code, t.name from township t where t.county_id = $1::uuid),
       -- The county's reports of the requested quarters (index on county_id, year, quarter), ranked.
       ranked as (
         select q.township_id, p.period_index, m.metric_index, v.reported_value as value,
                case when v.reported_value is null then null else rank() over (
                  partition by p.period_index, m.metric_index, v.reported_value is null
                  order by case when m.higher_is_better then -v.reported_value else v.reported_value end) end as rank
           from periods p
           join quarterly_report q on q.county_id = $1::uuid and q.year = p.year and q.quarter = p.quarter
                                  and q.state in ('SUBMITTED', 'ACCEPTED')
           join quarterly_report_value v on v.report_id = q.id
           join metrics m on m.key = v.metric_key),
       -- One map per period × metric, then read in township order: no join of every cell to every figure
       -- (the row estimates of the json functions led the planner into one).
       maps as (
         select period_index, metric_index, jsonb_object_agg(township_id::text, jsonb_build_array(value, rank)) as figures
           from ranked group by period_index, metric_index)
       select json_build_object('data', json_build_object('compareTownships', json_build_object(
         'townships', (select coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name) order by code), '[]') from towns),
         'series', (select coalesce(json_agg(json_build_object('periodIndex', p.period_index, 'metricKey', m.key,
                     'values', (select json_agg(mp.figures -> tw.id::text -> 0 order by tw.code) from towns tw),
                     'ranks', (select json_agg(mp.figures -> tw.id::text -> 1 order by tw.code) from towns tw))
                     order by p.period_index, m.metric_index), '[]')
                      from periods p cross join metrics m
                      left join maps mp on mp.period_index = p.period_index and mp.metric_index = m.metric_index))))::text as body`,
  B2: `select json_build_object('data', json_build_object('townships', json_build_object('nodes',
           coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'deputies', json_build_object('nodes', ds.list))
                             order by t.code, t.id), '[]'))))::text as body
         from (select t.id, t.code, t.name from township t order by t.code, t.id limit $1) t
         cross join lateral (
           select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'activities', json_build_object('nodes', acts.list))
                                    order by d.name, d.id), '[]') as list
             from (select d.id, d.name from deputy d where d.township_id = t.id order by d.name, d.id limit 50) d
             cross join lateral (
               select coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'occurredOn', a.occurred_on)
                                        order by a.occurred_on desc, a.id desc), '[]') as list
                 from (select a.id, a.title, a.occurred_on from activity a join activity_participant p on p.activity_id = a.id
                        where p.deputy_id = d.id order by a.occurred_on desc, a.id desc limit 20) a) acts) ds`,
};

/** The floor's statement parameters, from the GraphQL variables both APIs receive. */
export function floorParameters(workload: WorkloadName, variables: Record<string, unknown>): unknown[] {
  if (workload === 'B1') {
    return [variables['countyId'], JSON.stringify(variables['periods']), JSON.stringify(variables['metricKeys'])];
  }
  return [variables['first']];
}

/** The GraphQL variables per workload and system (PostGraphile's B1 needs only the county). */
export function variablesFor(system: SystemName, workload: WorkloadName, countyId: string): Record<string, unknown> {
  if (workload === 'B2') return { first: B2_TOWNSHIPS };
  return system === 'postgraphile' ? { countyId } : B1_VARIABLES(countyId);
}
