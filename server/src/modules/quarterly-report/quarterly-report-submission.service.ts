import { ref, type EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { uuidV7 } from '../../common/ids/uuid-v7.js';
import { catalogJson } from '../metric/catalog-json.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { recordedValueOf, type RecordedValue } from '../metric/recorded-metrics.service.js';
import { recordedCountsStatement } from '../metric/recorded-counts-query.js';
import { executePrepared } from '../../database/prepared-statement.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportRevision } from './quarterly-report-revision.entity.js';
import { ReportState } from './report-state.enum.js';
import { defaultDeadline, quarterPeriod } from '../../common/periods/quarter-period.js';
import type { RevisionValue } from './revision-value.js';
import type { SubmitQuarterlyReportInput } from './dto/submit-quarterly-report.input.js';
import type { SubmitQuarterlyReportPayload } from './dto/submit-quarterly-report-payload.js';
import { metricErrors } from '../metric/metric.errors.js';
import { quarterlyReportErrors } from './quarterly-report.errors.js';

/** The report row as the write statement returns it (column names). */
type ReportRow = EntityDictionary<QuarterlyReport> & { id: string; version: number };

/**
 * What makes two revisions the same submission, as SQL over a revision's `values` JSON: each metric's
 * reported value and override reason (recorded values may have moved since; jsonb compares numbers by value).
 */
const reportedSet = (values: string) =>
  `(select coalesce(jsonb_agg(jsonb_build_array(e->>'metricKey', e->'reportedValue', e->>'overrideReason')
                               order by e->>'metricKey'), '[]'::jsonb)
      from jsonb_array_elements(${values}) e)`;

/** Equal figures, null (unknown) equal only to null. */
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * The township side of the quarterly report: a draft prefilled from records, and submission with an
 * idempotency key and the version the clerk saw. Submissions serialise on the report row's lock, so of
 * two clerks submitting at once one wins and the other gets CONFLICT naming the newer version.
 */
export class QuarterlyReportSubmissionService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  /**
   * Two data statements for a submission, whatever the catalog's size: (1) the replay check, the catalog
   * and the recorded counts, (2) the write; both are named prepared statements, planned once per
   * connection. The write upserts the report row, which takes its lock (concurrent submissions queue
   * there) and applies the version check in the same statement, and stores the values and the revision
   * behind it; when it refuses, the request explains why (error path).
   */
  async submit(input: SubmitQuarterlyReportInput, now: Date = new Date()): Promise<SubmitQuarterlyReportPayload> {
    const period = quarterPeriod(input.year, input.quarter);
    const counting = recordedCountsStatement({ countyId: this.scope.countyId, townshipIds: [this.scope.townshipId] }, [
      { from: period.from, to: period.to },
    ])!;
    const [lookup] = await executePrepared<{
      replay_id: string | null;
      catalog: Record<string, unknown>[];
      counts: Record<string, unknown>[];
    }>(
      this.em,
      `select (select r.id from quarterly_report_revision r
                where r.county_id = ? and r.township_id = ? and r.idempotency_key = ?) as replay_id,
              ${catalogJson.sql} as catalog,
              (select coalesce(json_agg(c), '[]') from (${counting.sql}) c) as counts`,
      [this.scope.countyId, this.scope.townshipId, input.idempotencyKey, ...counting.params],
    );
    if (lookup!.replay_id) return (await this.replay(input))!;
    // Riding on the replay check (see catalogJson): no round trip of its own, never stale. The counts
    // ride on it too: a replay (rare) counts for nothing, every first submission saves a round trip.
    const catalog = catalogJson.read(this.em, lookup!.catalog);
    const counts = counting.read(lookup!.counts).counts.get(this.scope.townshipId)?.get(0) ?? new Map();
    const recorded = catalog.map((metric) => recordedValueOf(metric, counts));
    let values: RevisionValue[];
    try {
      values = this.values(input, catalog, recorded);
    } catch (invalid) {
      // A stale version or a missing correction reason is reported before the figures, as the lock would.
      this.checkApplies(input, await this.currentReport(input));
      throw invalid;
    }

    const reportId = uuidV7();
    const revisionId = uuidV7();
    // Each parameter once, named by the `arg` row, except where Citus must see the county as a value to route a part.
    const [row] = await executePrepared<ReportRow>(
      this.em,
      `with arg as (
         select ?::uuid as report_id, ?::uuid as revision_id, ?::timestamptz as at, ?::uuid as township_id,
                ?::uuid as county_id, ?::smallint as year, ?::smallint as quarter, ?::timestamptz as default_due,
                ?::int as expected_version, ?::text as correction_reason, ?::uuid as user_id, ?::text as idempotency_key,
                ?::jsonb as value_rows, ?::jsonb as revision_values
       ),
       -- The report when it already holds exactly these values (no row otherwise). Read from the statement's
       -- snapshot, not under the lock: a submission committed since raised the version, which the update's
       -- version check then refuses anyway, so the answer is the same. Not in the ON CONFLICT's WHERE:
       -- Citus allows only immutable functions there (jsonb_build_array and jsonb_agg are stable).
       -- It names the county as a value, not through 'arg', so that Citus routes it to the county's shard.
       standing as (
         select q.version from quarterly_report q
           join quarterly_report_revision r on r.county_id = q.county_id and r.report_id = q.id and r.revision = q.revision
          where q.county_id = ?::uuid and q.township_id = ?::uuid and q.year = ?::smallint and q.quarter = ?::smallint
            and q.state in ('SUBMITTED', 'ACCEPTED') and ${reportedSet('r."values"')} = ${reportedSet('?::jsonb')}
       ),
       -- The value rows as a result of their own: Citus refuses a (stable) table function beside a distributed write.
       given as materialized (
         select u.* from arg a
          cross join jsonb_to_recordset(a.value_rows) as u(id uuid, "metricKey" text, "recordedValue" float8,
                "reportedValue" float8, qualifier text, "overrideReason" text)
       ),
       report as (
         insert into quarterly_report as q (id, created_at, updated_at, township_id, county_id, provenance, year, quarter,
           state, version, revision, submitted_at, late, return_reason, reviewed_at, reviewed_by)
         select a.report_id, a.at, a.at, a.township_id, a.county_id, 'REPORTED', a.year, a.quarter, 'SUBMITTED', 1, 1, a.at,
                -- Not correlated with 'arg': Citus plans no correlated subquery beside a CTE.
                a.at > coalesce((select d.due_at from reporting_deadline d
                                  where d.county_id = ?::uuid and d.year = ?::smallint and d.quarter = ?::smallint),
                                a.default_due),
                null, null, null
           from arg a
          -- Exactly the values of the latest revision: nothing to store (the error path answers 'unchanged').
          where not exists (select from standing)
         on conflict (county_id, township_id, year, quarter) do update
           set state = 'SUBMITTED', version = q.version + 1, revision = q.revision + 1, submitted_at = excluded.submitted_at,
               late = excluded.late, return_reason = null, reviewed_at = null, reviewed_by = null, provenance = 'REPORTED',
               updated_at = excluded.updated_at
           -- Values, not reads of 'arg': Citus takes no subquery (it reads an intermediate result) here.
           where q.version = ?::int and (q.state <> 'ACCEPTED' or ?::text is not null)
         returning q.*
       ),
       -- A report created here with a version other than 1 was expected elsewhere: it stores nothing.
       stored as (select r.* from report r, arg a where r.version = a.expected_version + 1),
       replaced as (
         delete from quarterly_report_value v using stored s, arg a
          where v.county_id = ?::uuid and v.report_id = s.id and s.id <> a.report_id returning 1
       ),
       value_rows as (
         insert into quarterly_report_value (id, created_at, updated_at, township_id, county_id, provenance, report_id,
           metric_key, recorded_value, reported_value, qualifier, override_reason)
         select u.id, a.at, a.at, a.township_id, a.county_id, 'REPORTED', s.id, u."metricKey", u."recordedValue",
                u."reportedValue", u.qualifier, u."overrideReason"
           from stored s cross join arg a cross join given u
          -- The previous values must be gone before their keys come back: reading 'replaced' runs the delete first.
          where (select count(*) from replaced) >= 0
       ),
       revision_row as (
         insert into quarterly_report_revision (id, created_at, updated_at, township_id, county_id, provenance, report_id,
           revision, submitted_at, submitted_by, idempotency_key, late, correction_reason, "values")
         select a.revision_id, a.at, a.at, a.township_id, a.county_id, 'REPORTED', s.id, s.revision, a.at, a.user_id,
                a.idempotency_key, s.late, a.correction_reason, a.revision_values
           from stored s cross join arg a
       )
       select * from report`,
      [
        reportId,
        revisionId,
        now.toISOString(),
        this.scope.townshipId,
        this.scope.countyId,
        input.year,
        input.quarter,
        defaultDeadline(input.year, input.quarter).toISOString(),
        input.expectedVersion,
        input.correctionReason ?? null,
        this.scope.identity.userId,
        input.idempotencyKey,
        JSON.stringify(values.map((v) => ({ id: uuidV7(), ...v }))),
        JSON.stringify(values),
        // standing
        this.scope.countyId,
        this.scope.townshipId,
        input.year,
        input.quarter,
        JSON.stringify(values),
        // the deadline
        this.scope.countyId,
        input.year,
        input.quarter,
        // the update's conditions
        input.expectedVersion,
        input.correctionReason ?? null,
        // replaced
        this.scope.countyId,
      ],
    );
    if (!row || row.version !== input.expectedVersion + 1) {
      // Nothing was stored. A request with the same key may have committed while this one waited for the lock.
      const lateReplay = await this.replay(input);
      if (lateReplay) return lateReplay;
      // A report that stood before this statement (not one it created) may already hold exactly these values.
      if (row?.id !== reportId) {
        const unchanged = await this.unchanged(input, values);
        if (unchanged) return unchanged;
      }
      // A report this statement created stood at version 0 before it (the rollback removes it again).
      const current = row?.id === reportId ? { version: 0, state: ReportState.DRAFT } : await this.currentReport(input);
      this.checkApplies(input, current);
      throw quarterlyReportErrors.submitVersionStale(current);
    }
    const report = this.em.map(QuarterlyReport, row);
    const revision = Object.assign(new QuarterlyReportRevision(), {
      ...tenantRefs(this.scope),
      id: revisionId,
      createdAt: now,
      updatedAt: now,
      provenance: Provenance.REPORTED,
      report: ref(QuarterlyReport, report.id),
      revision: report.revision,
      submittedAt: now,
      submittedBy: this.scope.identity.userId,
      idempotencyKey: input.idempotencyKey,
      late: report.late,
      correctionReason: input.correctionReason ?? null,
      values,
    });
    return { report, revision, replayed: false, unchanged: false };
  }

  /**
   * The answer to a submission of exactly the reported values (and reasons) of the latest revision of a
   * submitted or accepted report, whatever version the clerk saw: nothing is stored. Runs after the write
   * found nothing to do, so a concurrent identical submission that committed first is seen here.
   * A returned report resubmitted unchanged is a new revision: it answers the return.
   */
  private async unchanged(
    input: SubmitQuarterlyReportInput,
    values: readonly RevisionValue[],
  ): Promise<SubmitQuarterlyReportPayload | null> {
    const [row] = await this.em.execute<{ revision_id: string }[]>(
      `select r.id as revision_id
         from quarterly_report q
         join quarterly_report_revision r on r.county_id = q.county_id and r.report_id = q.id and r.revision = q.revision
        where q.county_id = ? and q.township_id = ? and q.year = ? and q.quarter = ? and q.state in ('SUBMITTED', 'ACCEPTED')
          and ${reportedSet('r."values"')} = ${reportedSet('?::jsonb')}`,
      [this.scope.countyId, this.scope.townshipId, input.year, input.quarter, JSON.stringify(values)],
    );
    if (!row) return null;
    const revision = await this.em.findOneOrFail(QuarterlyReportRevision, { id: row.revision_id }, { refresh: true });
    const report = await this.em.findOneOrFail(QuarterlyReport, { id: revision.report.id }, { refresh: true });
    return { report, revision, replayed: false, unchanged: true };
  }

  /** The report's version and state as they stand (version 0 before the first submission). */
  private async currentReport(input: SubmitQuarterlyReportInput): Promise<{ version: number; state: ReportState }> {
    const report = await this.em.findOne(
      QuarterlyReport,
      { county: this.scope.countyId, township: this.scope.townshipId, year: input.year, quarter: input.quarter },
      { refresh: true },
    );
    return report ? { version: report.version, state: report.state } : { version: 0, state: ReportState.DRAFT };
  }

  /** Throws when the submission may not apply to the report as it stands: a stale version, or an uncorrected acceptance. */
  private checkApplies(input: SubmitQuarterlyReportInput, report: { version: number; state: ReportState }): void {
    if (report.version !== input.expectedVersion) throw quarterlyReportErrors.submitVersionStale(report);
    if (report.state === ReportState.ACCEPTED && !input.correctionReason) {
      throw quarterlyReportErrors.correctionNeedsReason();
    }
  }

  /** A revision stored under this key answers the replay; the key may not be reused for another quarter. */
  private async replay(input: SubmitQuarterlyReportInput): Promise<SubmitQuarterlyReportPayload | null> {
    const revision = await this.em.findOne(QuarterlyReportRevision, {
      county: this.scope.countyId,
      township: this.scope.townshipId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!revision) return null;
    const report = await this.em.findOneOrFail(QuarterlyReport, { id: revision.report.id });
    if (report.year !== input.year || report.quarter !== input.quarter) {
      throw quarterlyReportErrors.idempotencyKeyReused();
    }
    return { report, revision, replayed: true, unchanged: false };
  }

  /** Every catalog metric with a recorded or reported value; an override of a recorded figure needs a reason. */
  private values(
    input: SubmitQuarterlyReportInput,
    catalog: readonly MetricDefinition[],
    recordedValues: readonly RecordedValue[],
  ): RevisionValue[] {
    const kinds = new Map(catalog.map((m) => [m.key, m.kind]));
    const given = new Map<string, { index: number; reportedValue: number | null; overrideReason: string | null }>();
    input.values.forEach((v, index) => {
      const field = ['input', 'values', index];
      const kind = kinds.get(v.metricKey);
      if (!kind) throw metricErrors.unknownMetric([...field, 'metricKey'], v.metricKey);
      if (given.has(v.metricKey)) throw quarterlyReportErrors.metricTwice([...field, 'metricKey'], v.metricKey);
      const value = v.reportedValue;
      if (value !== null && (!Number.isFinite(value) || value < 0 || (kind === MetricKind.RATE && value > 100))) {
        throw quarterlyReportErrors.valueOutOfRange([...field, 'reportedValue']);
      }
      if (value !== null && kind === MetricKind.COUNT && !Number.isInteger(value)) {
        throw quarterlyReportErrors.countNotInteger([...field, 'reportedValue']);
      }
      given.set(v.metricKey, { index, reportedValue: value, overrideReason: v.overrideReason ?? null });
    });
    const recorded = new Map(recordedValues.map((r) => [r.metricKey, r]));
    const values: RevisionValue[] = [];
    for (const metric of catalog) {
      const recordedValue = recorded.get(metric.key)?.value ?? null;
      const entry = given.get(metric.key);
      const reportedValue = entry ? entry.reportedValue : recordedValue;
      const overridden = recordedValue !== null && !same(reportedValue, recordedValue);
      if (overridden && !entry?.overrideReason) {
        throw quarterlyReportErrors.overrideNeedsReason(
          ['input', 'values', entry!.index, 'overrideReason'],
          metric,
          recordedValue,
        );
      }
      if (recordedValue === null && reportedValue === null) continue;
      values.push({
        metricKey: metric.key,
        recordedValue,
        reportedValue,
        qualifier: FigureQualifier.EXACT,
        overrideReason: overridden ? entry!.overrideReason : null,
      });
    }
    return values;
  }
}
