import { dutyCtes, type DeputyScope, type Period } from './duty-sql.js';

/**
 * Points of every duty of the deputies in scope for one year, under each county's scheme version (the
 * latest, or `version`), in one statement. Caps are applied in date order, so the item that reaches a
 * cap gives what is left and later ones give 0: every point stays on the record that earned it.
 *
 * 1. `by_rule`: the running sum of a rule's points per deputy, clipped to ±cap.
 * 2. `by_year`: the running sum of the positive points left, clipped to the year's cap; deductions
 *    (negative points) are never absorbed by the year's cap.
 */
export function pointsSql(
  scope: DeputyScope,
  ids: readonly string[],
  year: number,
  version: number | null,
): { sql: string; params: unknown[] } {
  const period: Period = { from: `${year}-01-01`, until: `${year + 1}-01-01` };
  const duties = dutyCtes(scope, ids, period);
  const sql = `with ${duties.sql},
    scheme as (
      select distinct on (ps.county_id) ps.county_id, ps.version, ps.rules, ps.year_cap
      from performance_scheme ps
      where ps.county_id in (select county_id from dep) and ps.year = ?::int and (?::int is null or ps.version = ?::int)
      order by ps.county_id, ps.version desc
    ),
    rule as (
      select s.county_id, r.duty, r.points, r.cap, s.year_cap, s.version
      from scheme s cross join lateral jsonb_to_recordset(s.rules) as r(duty text, points int, cap int)
      where r.points <> 0
    ),
    scored as (
      select u.deputy_id, u.duty, u.record_type, u.record_id, u.on_date, u.date_precision, u.title, u.synthetic,
        r.points as raw, r.cap, r.year_cap, r.version
      from duty u join dep on dep.id = u.deputy_id join rule r on r.county_id = dep.county_id and r.duty = u.duty
    ),
    by_rule as (
      select *, sum(raw) over (partition by deputy_id, duty order by on_date, record_id rows unbounded preceding) as run
      from scored
    ),
    rule_capped as (
      select *, case when cap is null then raw
        else greatest(-cap, least(cap, run)) - greatest(-cap, least(cap, run - raw)) end as pts
      from by_rule
    ),
    by_year as (
      select *, sum(greatest(pts, 0)) over (partition by deputy_id order by on_date, duty, record_id rows unbounded preceding) as run_pos
      from rule_capped
    )
    select deputy_id, duty, record_type, record_id, on_date::text as on_date, date_precision, title, synthetic, raw, version,
      (case when pts > 0 and year_cap is not null
        then greatest(0, least(year_cap, run_pos) - least(year_cap, run_pos - pts)) else pts end)::int as points
    from by_year
    order by deputy_id, on_date, duty, record_id`;
  return { sql, params: [...duties.params, year, version, version] };
}

/** The scheme version each county of the deputies in scope uses for the year, and the duties it scores. */
export function schemeVersionSql(
  scope: DeputyScope,
  ids: readonly string[],
  year: number,
  version: number | null,
): { sql: string; params: unknown[] } {
  const column = { deputy: 'd.id', township: 'd.township_id', county: 'd.county_id' }[scope];
  return {
    sql: `select s.county_id, s.version,
        coalesce((select array_agg(distinct r.duty) from jsonb_to_recordset(s.rules) as r(duty text, points int)
                  where r.points <> 0), '{}') as duties
      from (select distinct on (ps.county_id) ps.county_id, ps.version, ps.rules from performance_scheme ps
            where ps.county_id in (select d.county_id from deputy d where ${column} = any(string_to_array(?, ',')::uuid[]))
              and ps.year = ?::int and (?::int is null or ps.version = ?::int)
            order by ps.county_id, ps.version desc) s`,
    params: [ids.join(','), year, version, version],
  };
}
