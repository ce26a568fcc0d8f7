import type { RevisionValue } from './revision-value.js';
import { ReportState } from './report-state.enum.js';

/**
 * The statements of a quarterly submission (quarterly-report-submission.service.ts), written so that
 * Citus routes each whole to the county's shard group: every part names the county as a value, and no
 * insert reads another part's result. Citus plans an `insert … select` that reads a CTE as "pull to the
 * coordinator, then COPY into the shard", and refuses COPY into a table with row-level security
 * (commands/multi_copy.c); `insert … values` is a router query. A statement with insert CTEs is split
 * by Citus into one routed subplan per CTE (planner/recursive_planning.c), run in order on the
 * county's worker, so no part may depend on another running first or last: one PostgreSQL runs the
 * same statement as one command with one snapshot.
 */

/** A report's latest revision, with the report's state: what 'unchanged' compares a submission with. */
export interface LatestRevision {
  id: string;
  state: ReportState;
  values: RevisionValue[];
}

/** The report's latest revision as a `LatestRevision` (JSON); parameters: county, township, year, quarter. */
export const LATEST_SQL = `
  (select json_build_object('id', r.id, 'state', q.state, 'values', r."values")
     from quarterly_report q
     join quarterly_report_revision r on r.county_id = q.county_id and r.report_id = q.id and r.revision = q.revision
    where q.county_id = ? and q.township_id = ? and q.year = ? and q.quarter = ?)`;

/**
 * The report as it stands, its latest revision and the quarter's deadline: read by the replay check's
 * statement, so the write needs no read of its own. Two probes of the report rather than an outer join:
 * Citus refuses outer joins beside the policies' constant conditions.
 */
export const STANDING_SQL = `
  (select json_build_object('id', q.id, 'version', q.version, 'state', q.state)
     from quarterly_report q
    where q.county_id = ? and q.township_id = ? and q.year = ? and q.quarter = ?) as report,
  ${LATEST_SQL} as latest,
  (select to_json(d.due_at) from reporting_deadline d where d.county_id = ? and d.year = ? and d.quarter = ?) as due_at`;

/**
 * The upsert that takes the report row's lock and applies the version check under it: it returns the
 * row when the submission applies, nothing when a submission or review committed since the clerk's
 * version (or an accepted report has no correction reason). It writes nothing else, so a refusal leaves
 * nothing behind even when its answer is a replay or 'unchanged' (which commit).
 */
export const UPSERT_SQL = `
  insert into quarterly_report as q (id, created_at, updated_at, township_id, county_id, provenance, year, quarter,
    state, version, revision, submitted_at, late, return_reason, reviewed_at, reviewed_by)
  values (?, ?, ?, ?, ?, 'REPORTED', ?, ?, 'SUBMITTED', 1, 1, ?, ?, null, null, null)
  on conflict (county_id, township_id, year, quarter) do update
    set state = 'SUBMITTED', version = q.version + 1, revision = q.revision + 1, submitted_at = excluded.submitted_at,
        late = excluded.late, return_reason = null, reviewed_at = null, reviewed_by = null, provenance = 'REPORTED',
        updated_at = excluded.updated_at
    -- Only values here: Citus allows no subquery and no non-immutable function in this WHERE.
    where q.version = ?::int and (q.state <> 'ACCEPTED' or ?::text is not null)
  returning q.*`;

export interface StoreArgs {
  id: string;
  at: string;
  townshipId: string;
  countyId: string;
  reportId: string;
  revision: number;
  userId: string;
  idempotencyKey: string;
  late: boolean;
  correctionReason: string | null;
  values: readonly RevisionValue[];
  /** Ids for value rows the report does not hold yet (one per value). */
  valueIds: readonly string[];
  /** The report stood before this submission: it may hold values this one no longer gives. */
  replacing: boolean;
}

/**
 * On a resubmission, a value row may already stand for the metric. A report the upsert has just created
 * has none (its id is new), and a plain insert skips the arbiter index's extra probe and the speculative
 * insertion's records: about 0.07 of 2 ms per submission (pgbench, national tier).
 */
const UPSERT_VALUES = `
      on conflict (county_id, report_id, metric_key) do update
        set recorded_value = excluded.recorded_value, reported_value = excluded.reported_value,
            qualifier = excluded.qualifier, override_reason = excluded.override_reason,
            provenance = excluded.provenance, updated_at = excluded.updated_at
        where (v.recorded_value, v.reported_value, v.qualifier, v.override_reason, v.provenance)
              is distinct from (excluded.recorded_value, excluded.reported_value, excluded.qualifier,
                                excluded.override_reason, excluded.provenance)`;

/**
 * After the upsert applied: the revision, the value rows and, on a resubmission, the removal of metrics
 * no longer given. Values are upserted by metric (a changed figure is an UPDATE of its row, an unchanged
 * one is left alone, each change audited as such) rather than deleted and inserted again: a delete and
 * an insert of the same key in one statement would depend on which runs first, which one PostgreSQL and
 * Citus (above) decide differently.
 */
export function storeStatement(a: StoreArgs): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (a.replacing) {
    parts.push(`stale as (
      delete from quarterly_report_value
       where county_id = ? and report_id = ? and not (metric_key = any(?::text[])))`);
    params.push(
      a.countyId,
      a.reportId,
      a.values.map((v) => v.metricKey),
    );
  }
  if (a.values.length > 0) {
    const rows = a.values.map(() => `(?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, ?, ?, ?)`);
    parts.push(`value_rows as (
      insert into quarterly_report_value as v (id, created_at, updated_at, township_id, county_id, provenance, report_id,
        metric_key, recorded_value, reported_value, qualifier, override_reason)
      values ${rows.join(', ')}${a.replacing ? UPSERT_VALUES : ''})`);
    a.values.forEach((v, i) =>
      params.push(
        a.valueIds[i],
        a.at,
        a.at,
        a.townshipId,
        a.countyId,
        a.reportId,
        v.metricKey,
        v.recordedValue,
        v.reportedValue,
        v.qualifier,
        v.overrideReason,
      ),
    );
  }
  const sql = `${parts.length > 0 ? `with ${parts.join(',\n')}\n` : ''}
    insert into quarterly_report_revision (id, created_at, updated_at, township_id, county_id, provenance, report_id,
      revision, submitted_at, submitted_by, idempotency_key, late, correction_reason, "values")
    values (?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`;
  params.push(
    a.id,
    a.at,
    a.at,
    a.townshipId,
    a.countyId,
    a.reportId,
    a.revision,
    a.at,
    a.userId,
    a.idempotencyKey,
    a.late,
    a.correctionReason,
    JSON.stringify(a.values),
  );
  return { sql, params };
}

/** States whose latest revision stands as the report's figures (a returned report's does not). */
const SETTLED: readonly ReportState[] = [ReportState.SUBMITTED, ReportState.ACCEPTED];

/** The latest revision when it stands and already holds exactly these values: submitting them changes nothing. */
export function unchangedBy(latest: LatestRevision | null, values: readonly RevisionValue[]): LatestRevision | null {
  return latest && SETTLED.includes(latest.state) && sameReported(latest.values, values) ? latest : null;
}

/** Whether two revisions' values are the same submission: each metric's reported value and override reason. */
export function sameReported(a: readonly RevisionValue[], b: readonly RevisionValue[]): boolean {
  const key = (values: readonly RevisionValue[]) =>
    [...values]
      .sort((x, y) => (x.metricKey < y.metricKey ? -1 : x.metricKey > y.metricKey ? 1 : 0))
      .map((v) => [v.metricKey, v.reportedValue ?? null, v.overrideReason ?? null]);
  return JSON.stringify(key(a)) === JSON.stringify(key(b));
}
