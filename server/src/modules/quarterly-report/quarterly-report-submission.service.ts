import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../common/context/require-township.js';
import { tenantRefs } from '../../common/entities/tenant-refs.js';
import { AppError } from '../../common/errors/app-error.js';
import { badInputError } from '../../common/errors/bad-input-error.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { uuidV7 } from '../../common/ids/uuid-v7.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricKind } from '../metric/metric-kind.enum.js';
import { RecordedMetricsService, type RecordedValue } from '../metric/recorded-metrics.service.js';
import { ReportingDeadlineService } from '../reporting/reporting-deadline.service.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { QuarterlyReportValue } from './quarterly-report-value.entity.js';
import { QuarterlyReportRevision } from './quarterly-report-revision.entity.js';
import { ReportState } from './report-state.enum.js';
import { quarterPeriod, type QuarterPeriod } from './quarter-period.js';
import type { RevisionValue } from './revision-value.js';
import type { QuarterlyReportDraft } from './dto/quarterly-report-draft.js';
import type { SubmitQuarterlyReportInput } from './dto/submit-quarterly-report.input.js';
import type { SubmitQuarterlyReportPayload } from './dto/submit-quarterly-report-payload.js';

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

  async draft(year: number, quarter: number): Promise<QuarterlyReportDraft> {
    const period = quarterPeriod(year, quarter, []);
    const [catalog, recorded, report, deadline] = await Promise.all([
      this.catalog(),
      new RecordedMetricsService(this.em).compute(this.scope, period.from, period.to),
      this.em.findOne(QuarterlyReport, { township: this.scope.townshipId, year, quarter }),
      new ReportingDeadlineService(this.em).effective(this.scope.countyId, year, quarter),
    ]);
    const current = report ? await this.em.find(QuarterlyReportValue, { report: report.id }) : [];
    const currentByKey = new Map(current.map((v) => [v.metricKey, v]));
    const recordedByKey = new Map(recorded.map((r) => [r.metricKey, r]));
    return {
      year,
      quarter,
      periodStart: period.from,
      periodEnd: period.to,
      version: report?.version ?? 0,
      deadline: deadline.dueAt,
      report,
      values: catalog.map((metric) => {
        const r = recordedByKey.get(metric.key)!;
        const submitted = currentByKey.get(metric.key);
        return {
          metricKey: metric.key,
          nameZh: metric.nameZh,
          nameEn: metric.nameEn,
          unit: metric.unit,
          kind: metric.kind,
          recordedValue: r.value,
          numerator: r.numerator,
          denominator: r.denominator,
          derivationZh: r.derivationZh,
          derivationEn: r.derivationEn,
          reportedValue: submitted ? submitted.reportedValue : r.value,
          overrideReason: submitted?.overrideReason ?? null,
        };
      }),
    };
  }

  async submit(input: SubmitQuarterlyReportInput, now: Date = new Date()): Promise<SubmitQuarterlyReportPayload> {
    const period = quarterPeriod(input.year, input.quarter);
    const replay = await this.replay(input);
    if (replay) return replay;

    // Make sure the row exists, then lock it: concurrent submissions queue here.
    await this.em.execute(
      `insert into quarterly_report (id, created_at, updated_at, township_id, county_id, provenance, year, quarter, state, version, revision, late)
       values (?, now(), now(), ?, ?, 'REPORTED', ?, ?, 'DRAFT', 0, 0, false) on conflict (township_id, year, quarter) do nothing`,
      [uuidV7(), this.scope.townshipId, this.scope.countyId, input.year, input.quarter],
    );
    const report = await this.em.findOneOrFail(
      QuarterlyReport,
      { township: this.scope.townshipId, year: input.year, quarter: input.quarter },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    // The same key may have committed while this request waited for the lock.
    const lateReplay = await this.replay(input);
    if (lateReplay) return lateReplay;

    if (report.version !== input.expectedVersion) {
      throw new AppError({
        code: 'CONFLICT',
        messageZh: `报表已被更新为第 ${report.version} 版，请刷新后重新报送`,
        messageEn: `The report is now at version ${report.version}; reload and submit again`,
        field: ['input', 'expectedVersion'],
        details: { currentVersion: report.version, state: report.state },
      });
    }
    if (report.state === ReportState.ACCEPTED && !input.correctionReason) {
      throw badInputError(
        ['input', 'correctionReason'],
        '更正已接收的报表须说明理由',
        'Correcting an accepted report needs a reason',
      );
    }
    const values = await this.values(input, period);
    const deadline = await new ReportingDeadlineService(this.em).effective(
      this.scope.countyId,
      input.year,
      input.quarter,
    );
    const late = now.getTime() > deadline.dueAt.getTime();

    report.state = ReportState.SUBMITTED;
    report.version += 1;
    report.revision += 1;
    report.submittedAt = now;
    report.late = late;
    report.returnReason = null;
    report.reviewedAt = null;
    report.reviewedBy = null;
    report.provenance = Provenance.REPORTED;
    await this.em.nativeDelete(QuarterlyReportValue, { report: report.id });
    for (const v of values) {
      this.em.persist(
        Object.assign(new QuarterlyReportValue(), {
          ...tenantRefs(this.scope),
          provenance: Provenance.REPORTED,
          report: ref(QuarterlyReport, report.id),
          metricKey: v.metricKey,
          recordedValue: v.recordedValue,
          reportedValue: v.reportedValue,
          qualifier: v.qualifier,
          overrideReason: v.overrideReason,
        }),
      );
    }
    const revision = Object.assign(new QuarterlyReportRevision(), {
      ...tenantRefs(this.scope),
      provenance: Provenance.REPORTED,
      report: ref(QuarterlyReport, report.id),
      revision: report.revision,
      submittedAt: now,
      submittedBy: this.scope.identity.userId,
      idempotencyKey: input.idempotencyKey,
      late,
      correctionReason: input.correctionReason ?? null,
      values,
    });
    this.em.persist(revision);
    await this.em.flush();
    return { report, revision, replayed: false };
  }

  /** A revision stored under this key answers the replay; the key may not be reused for another quarter. */
  private async replay(input: SubmitQuarterlyReportInput): Promise<SubmitQuarterlyReportPayload | null> {
    const revision = await this.em.findOne(QuarterlyReportRevision, {
      township: this.scope.townshipId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!revision) return null;
    const report = await this.em.findOneOrFail(QuarterlyReport, { id: revision.report.id });
    if (report.year !== input.year || report.quarter !== input.quarter) {
      throw new AppError({
        code: 'CONFLICT',
        messageZh: '该幂等键已用于另一季度的报送',
        messageEn: 'This idempotency key was used for another quarter',
        field: ['input', 'idempotencyKey'],
      });
    }
    return { report, revision, replayed: true };
  }

  /** Every catalog metric with a recorded or reported value; an override of a recorded figure needs a reason. */
  private async values(input: SubmitQuarterlyReportInput, period: QuarterPeriod): Promise<RevisionValue[]> {
    const catalog = await this.catalog();
    const kinds = new Map(catalog.map((m) => [m.key, m.kind]));
    const given = new Map<string, { index: number; reportedValue: number | null; overrideReason: string | null }>();
    input.values.forEach((v, index) => {
      const field = ['input', 'values', index];
      const kind = kinds.get(v.metricKey);
      if (!kind)
        throw badInputError([...field, 'metricKey'], `未知指标：${v.metricKey}`, `Unknown metric: ${v.metricKey}`);
      if (given.has(v.metricKey))
        throw badInputError([...field, 'metricKey'], `指标重复：${v.metricKey}`, `Metric listed twice: ${v.metricKey}`);
      const value = v.reportedValue;
      if (value !== null && (!Number.isFinite(value) || value < 0 || (kind === MetricKind.RATE && value > 100))) {
        throw badInputError(
          [...field, 'reportedValue'],
          '数值须为非负数，比率不超过 100',
          'Values are non-negative; rates at most 100',
        );
      }
      if (value !== null && kind === MetricKind.COUNT && !Number.isInteger(value)) {
        throw badInputError([...field, 'reportedValue'], '计数须为整数', 'Counts are whole numbers');
      }
      given.set(v.metricKey, { index, reportedValue: value, overrideReason: v.overrideReason ?? null });
    });
    const recorded = new Map<string, RecordedValue>(
      (await new RecordedMetricsService(this.em).compute(this.scope, period.from, period.to)).map((r) => [
        r.metricKey,
        r,
      ]),
    );
    const values: RevisionValue[] = [];
    for (const metric of catalog) {
      const recordedValue = recorded.get(metric.key)?.value ?? null;
      const entry = given.get(metric.key);
      const reportedValue = entry ? entry.reportedValue : recordedValue;
      const overridden = recordedValue !== null && !same(reportedValue, recordedValue);
      if (overridden && !entry?.overrideReason) {
        throw badInputError(
          ['input', 'values', entry!.index, 'overrideReason'],
          `“${metric.nameZh}”与记录数 ${recordedValue} 不同，须说明理由`,
          `"${metric.nameEn}" differs from the recorded ${recordedValue}: give a reason`,
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

  private catalog(): Promise<MetricDefinition[]> {
    return this.em.find(MetricDefinition, {}, { orderBy: { key: 'asc' } });
  }
}
