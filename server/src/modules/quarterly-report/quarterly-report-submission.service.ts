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
import {
  LATEST_SQL,
  STANDING_SQL,
  storeStatement,
  unchangedBy,
  UPSERT_SQL,
  type LatestRevision,
} from './submission-statements.js';

/** The report row as the write statement returns it (column names). */
type ReportRow = EntityDictionary<QuarterlyReport> & { id: string; version: number };

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
   * Three data statements for a submission, whatever the catalog's size: (1) the replay check, the
   * catalog, the recorded counts, the report as it stands and the deadline, (2) the upsert of the report
   * row, which takes its lock (concurrent submissions queue there) and applies the version check under
   * it, (3) the revision and the values behind it. All are prepared statements, planned once per
   * connection, and each is routed whole to the county's shard on a Citus cluster (submission-statements.ts).
   * When the upsert refuses, the request explains why (error path) and nothing was written.
   */
  async submit(input: SubmitQuarterlyReportInput, now: Date = new Date()): Promise<SubmitQuarterlyReportPayload> {
    const { countyId, townshipId } = this.scope;
    const period = quarterPeriod(input.year, input.quarter);
    const counting = recordedCountsStatement({ countyId, townshipIds: [townshipId] }, [
      { from: period.from, to: period.to },
    ])!;
    const quarter = [input.year, input.quarter];
    const [lookup] = await executePrepared<{
      replay_id: string | null;
      catalog: Record<string, unknown>[];
      counts: Record<string, unknown>[];
      report: { id: string; version: number; state: ReportState } | null;
      latest: LatestRevision | null;
      due_at: string | null;
    }>(
      this.em,
      `select (select r.id from quarterly_report_revision r
                where r.county_id = ? and r.township_id = ? and r.idempotency_key = ?) as replay_id,
              ${catalogJson.sql} as catalog,
              (select coalesce(json_agg(c), '[]') from (${counting.sql}) c) as counts,
              ${STANDING_SQL}`,
      [
        countyId,
        townshipId,
        input.idempotencyKey,
        ...counting.params,
        ...[countyId, townshipId, ...quarter],
        ...[countyId, townshipId, ...quarter],
        ...[countyId, ...quarter],
      ],
    );
    if (lookup!.replay_id) return (await this.replay(input))!;
    // Riding on the replay check (see catalogJson): no round trip of its own, never stale. The counts and
    // the report ride on it too: a replay (rare) reads them for nothing, every submission saves round trips.
    const catalog = catalogJson.read(this.em, lookup!.catalog);
    const counts = counting.read(lookup!.counts).counts.get(townshipId)?.get(0) ?? new Map();
    const recorded = catalog.map((metric) => recordedValueOf(metric, counts));
    const standing = lookup!.report ?? { version: 0, state: ReportState.DRAFT };
    let values: RevisionValue[];
    try {
      values = this.values(input, catalog, recorded);
    } catch (invalid) {
      // A stale version or a missing correction reason is reported before the figures, as the lock would.
      this.checkApplies(input, standing);
      throw invalid;
    }
    // Exactly the values of the latest revision, whatever version the clerk saw: nothing to store. Read
    // from the first statement's snapshot, not under the lock: a submission committed since is ordered
    // after this one, and the answer is the same.
    const same = unchangedBy(lookup!.latest, values);
    if (same) return this.unchangedAnswer(same.id);
    // Refused before writing; the upsert checks again under the lock for what committed since.
    this.checkApplies(input, standing);

    const reportId = uuidV7();
    const at = now.toISOString();
    const late = now > (lookup!.due_at ? new Date(lookup!.due_at) : defaultDeadline(input.year, input.quarter));
    const [row] = await executePrepared<ReportRow>(this.em, UPSERT_SQL, [
      reportId,
      at,
      at,
      townshipId,
      countyId,
      input.year,
      input.quarter,
      at,
      late,
      input.expectedVersion,
      input.correctionReason ?? null,
    ]);
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
    const revisionId = uuidV7();
    const store = storeStatement({
      id: revisionId,
      at,
      townshipId,
      countyId,
      reportId: report.id,
      revision: report.revision,
      userId: this.scope.identity.userId,
      idempotencyKey: input.idempotencyKey,
      late: report.late,
      correctionReason: input.correctionReason ?? null,
      values,
      valueIds: values.map(() => uuidV7()),
      replacing: report.id !== reportId,
    });
    await executePrepared(this.em, store.sql, store.params);
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
    const [row] = await this.em.execute<{ latest: LatestRevision | null }[]>(`select ${LATEST_SQL} as latest`, [
      this.scope.countyId,
      this.scope.townshipId,
      input.year,
      input.quarter,
    ]);
    const same = unchangedBy(row?.latest ?? null, values);
    return same ? this.unchangedAnswer(same.id) : null;
  }

  /** The 'unchanged' answer: the latest revision, which already holds the submitted values, and its report. */
  private async unchangedAnswer(revisionId: string): Promise<SubmitQuarterlyReportPayload> {
    const county = this.scope.countyId;
    const revision = await this.em.findOneOrFail(
      QuarterlyReportRevision,
      { county, id: revisionId },
      { refresh: true },
    );
    const report = await this.em.findOneOrFail(QuarterlyReport, { county, id: revision.report.id }, { refresh: true });
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
    const report = await this.em.findOneOrFail(QuarterlyReport, {
      county: this.scope.countyId,
      id: revision.report.id,
    });
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
