/**
 * The SQL that lists deputies' duties, for a whole set of deputies at once (one deputy, a township or a
 * county): one statement whatever their number. Each CTE reads its source through an index leading with
 * the deputy (activity_participant, suggestion_proposer, deputy_report) or with the county.
 */

export type DeputyScope = 'deputy' | 'township' | 'county';

const SCOPE_COLUMN: Record<DeputyScope, string> = { deputy: 'd.id', township: 'd.township_id', county: 'd.county_id' };

export interface Period {
  /** First day. */
  from: string;
  /** The day after the last. */
  until: string;
}

/**
 * `dep` (the deputies: ids joined by commas, already checked as UUIDs) and `duty` (one row per duty in the
 * period). Serving deputies only: one who left before the period began has no duties in it.
 */
export function dutyCtes(
  scope: DeputyScope,
  ids: readonly string[],
  period: Period,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [ids.join(','), period.from];
  const inPeriod = (column: string) => {
    params.push(period.from, period.until);
    return `${column} >= ?::date and ${column} < ?::date`;
  };
  const none = `null::text, null::text, null::boolean, null::text, null::text, null::text, null::int, null::int, null::int, null::int`;
  // Materialized: the planner cannot estimate `dep` (an array parameter) and would rescan every source
  // once per deputy; computed once, each source is read once for all deputies.
  const sql = `dep as materialized (
      select d.id, d.county_id, d.township_id, d.name from deputy d
      where ${SCOPE_COLUMN[scope]} = any(string_to_array(?, ',')::uuid[])
        and (d.status = 'ACTIVE' or d.status_changed_on is null or d.status_changed_on >= ?::date)
    ),
    duty as materialized (
      select ap.deputy_id,
        case when a.type = 'CONGRESS_SESSION' then 'SESSION_' || ap.attendance
             when ap.attendance = 'PRESENT' then 'ACTIVITY_' || a.type
             else 'ACTIVITY_' || ap.attendance end as duty,
        'ACTIVITY' as record_type, a.id as record_id, a.occurred_on as on_date, a.date_precision::text as date_precision,
        a.title::text as title, a.type::text as activity_type, ap.attendance::text as attendance,
        null::boolean as jointly, null::text as suggestion_state, null::text as outcome_class, null::text as satisfaction,
        null::int as voters_present, null::int as satisfied, null::int as basically_satisfied, null::int as dissatisfied,
        (a.provenance = 'SYNTHETIC' or ap.provenance = 'SYNTHETIC') as synthetic
      from activity_participant ap join activity a on a.id = ap.activity_id
      where ap.deputy_id in (select id from dep) and ${inPeriod('a.occurred_on')}
      union all
      select vc.deputy_id, 'RECEPTION', 'VOTER_CONTACT', vc.id, vc.received_on, 'DAY', vc.subject::text, ${none},
        vc.provenance = 'SYNTHETIC'
      from voter_contact vc
      where vc.deputy_id in (select id from dep) and ${inPeriod('vc.received_on')}
      union all
      select sp.deputy_id, 'SUGGESTION_PROPOSED', 'SUGGESTION', s.id, s.submitted_on, 'DAY', s.title::text, null, null,
        exists (select 1 from suggestion_proposer o where o.suggestion_id = s.id and o.deputy_id <> sp.deputy_id),
        s.state::text, s.outcome_class::text, s.satisfaction::text, null, null, null, null,
        (s.provenance = 'SYNTHETIC' or sp.provenance = 'SYNTHETIC')
      from suggestion_proposer sp join suggestion s on s.id = sp.suggestion_id
      where sp.deputy_id in (select id from dep) and ${inPeriod('s.submitted_on')}
      union all
      select sp.deputy_id, o.duty, 'SUGGESTION', s.id, s.completed_on, 'DAY', s.title::text, null, null,
        exists (select 1 from suggestion_proposer x where x.suggestion_id = s.id and x.deputy_id <> sp.deputy_id),
        s.state::text, s.outcome_class::text, s.satisfaction::text, null, null, null, null,
        (s.provenance = 'SYNTHETIC' or sp.provenance = 'SYNTHETIC')
      from suggestion_proposer sp join suggestion s on s.id = sp.suggestion_id
      cross join lateral (values ('SUGGESTION_ADOPTED', s.outcome_class in ('A', 'B', 'C')),
                                 ('SUGGESTION_RESOLVED', s.outcome_class = 'A')) as o(duty, applies)
      where sp.deputy_id in (select id from dep) and s.state = 'COMPLETED' and o.applies
        and ${inPeriod('s.completed_on')}
      union all
      select dr.deputy_id, g.duty, 'DEPUTY_REPORT', dr.id, dr.reported_on, 'DAY', coalesce(dr.title, '述职')::text,
        null, null, null, null, null, null, dr.voters_present, dr.satisfied, dr.basically_satisfied, dr.dissatisfied,
        dr.provenance = 'SYNTHETIC'
      from deputy_report dr
      cross join lateral (select dr.satisfied + dr.basically_satisfied + dr.dissatisfied as votes) v
      cross join lateral (values ('REPORT_TO_VOTERS'), (${GRADE_SQL})) as g(duty)
      where dr.deputy_id in (select id from dep) and g.duty is not null and ${inPeriod('dr.reported_on')}
    )`;
  return { sql, params };
}

/**
 * A report's evaluation grade from the voters' votes (none when no one voted): 优秀 when at least 80 % were
 * 满意; 良好 when 满意 and 基本满意 together reach 80 %; 一般 at 60 %; otherwise 差.
 */
const GRADE_SQL = `case when coalesce(v.votes, 0) = 0 then null
  when dr.satisfied * 5 >= v.votes * 4 then 'REPORT_GRADE_EXCELLENT'
  when (dr.satisfied + dr.basically_satisfied) * 5 >= v.votes * 4 then 'REPORT_GRADE_GOOD'
  when (dr.satisfied + dr.basically_satisfied) * 5 >= v.votes * 3 then 'REPORT_GRADE_FAIR'
  else 'REPORT_GRADE_POOR' end`;

/** Each deputy with its township and that township's record coverage: the second (and last) statement. */
export function deputyContextSql(scope: DeputyScope, ids: readonly string[]): { sql: string; params: unknown[] } {
  return {
    sql: `select d.id as deputy_id, d.name as deputy_name, d.township_id, t.name as township_name, d.county_id,
        d.status, d.status_changed_on::text as status_changed_on,
        coalesce((select json_agg(json_build_object('recordKind', rc.record_kind, 'since', rc.recorded_since))
                  from record_coverage rc where rc.township_id = d.township_id), '[]'::json) as coverage
      from deputy d join township t on t.id = d.township_id
      where ${SCOPE_COLUMN[scope]} = any(string_to_array(?, ',')::uuid[])
      order by d.township_id, d.name, d.id`,
    params: [ids.join(',')],
  };
}
