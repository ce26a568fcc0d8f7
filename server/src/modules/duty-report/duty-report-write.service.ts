import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { commonErrors } from '../../common/errors/common.errors.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { assertDeputyServing } from '../deputy/assert-deputy-serving.js';
import { Station } from '../station/station.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { ActivityParticipant } from '../activity/activity-participant.entity.js';
import { Attendance } from '../activity/attendance.enum.js';
import { VoterContact } from '../voter-contact/voter-contact.entity.js';
import { VoterContactKind } from '../voter-contact/voter-contact-kind.enum.js';
import { DutyReport } from './duty-report.entity.js';
import { DutyReportKind } from './duty-report-kind.enum.js';
import { DutyReportState } from './duty-report-state.enum.js';
import { dutyReportErrors } from './duty-report.errors.js';
import type { ReportDutyInput } from './dto/report-duty.input.js';

const LABEL = { zh: '履职报告', en: 'Duty report' };
const ACTIVITY = { zh: '活动', en: 'activity' };

/** A deputy reports a duty; the township clerk confirms it (creating its record) or rejects it. */
export class DutyReportWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async report(input: ReportDutyInput): Promise<DutyReport> {
    const own = this.scope.identity.deputyId;
    if (!own) throw dutyReportErrors.deputyOnly();
    if (input.deputyId != null && input.deputyId !== own) throw dutyReportErrors.forAnotherDeputy();
    assertRecordDate(input.occurredOn, ['input', 'occurredOn']);
    const deputy = await this.em.findOneOrFail(Deputy, { id: own });
    assertDeputyServing(deputy, input.occurredOn, ['input', 'occurredOn']);
    // A deputy sees only the activities it is listed in, so only those can be named here.
    const activity = input.activityId
      ? await loadInTownship(this.em, Activity, input.activityId, this.scope, ['input', 'activityId'], ACTIVITY)
      : null;
    const report = Object.assign(new DutyReport(), {
      ...tenantRefs(this.scope),
      deputy: ref(Deputy, own),
      kind: input.kind,
      occurredOn: input.occurredOn,
      description: input.description,
      activity: activity ? ref(Activity, activity.id) : null,
    });
    await this.em.persist(report).flush();
    return report;
  }

  /**
   * Confirms a pending report and makes its record, under a row lock: of two clerks confirming at once,
   * one creates the record and the other gets DUTY_REPORT_ALREADY_DECIDED.
   */
  async confirm(id: string, activityId: string | null): Promise<DutyReport> {
    const report = await this.lockPending(id);
    const deputy = await this.em.findOneOrFail(Deputy, { id: report.deputy.id, county: this.scope.countyId });
    if (report.kind === DutyReportKind.ACTIVITY) {
      const chosen = activityId ?? report.activity?.id ?? null;
      if (!chosen) throw dutyReportErrors.activityRequired();
      const activity = await loadInTownship(this.em, Activity, chosen, this.scope, ['activityId'], ACTIVITY);
      assertDeputyServing(deputy, activity.occurredOn, ['activityId']);
      const existing = await this.em.findOne(ActivityParticipant, {
        activity: activity.id,
        deputy: deputy.id,
        county: this.scope.countyId,
      });
      if (existing?.attendance === Attendance.PRESENT) throw dutyReportErrors.alreadyRecorded();
      const participation =
        existing ??
        Object.assign(new ActivityParticipant(), {
          ...tenantRefs(this.scope),
          activity: ref(Activity, activity.id),
          deputy: ref(Deputy, deputy.id),
        });
      participation.attendance = Attendance.PRESENT;
      this.em.persist(participation);
      report.activity = ref(Activity, activity.id);
      report.recordId = participation.id;
    } else {
      if (!deputy.station) throw dutyReportErrors.noStation();
      const contact = Object.assign(new VoterContact(), {
        ...tenantRefs(this.scope),
        kind: VoterContactKind.VISIT,
        receivedOn: report.occurredOn,
        station: ref(Station, deputy.station.id),
        deputy: ref(Deputy, deputy.id),
        subject: report.description,
      });
      this.em.persist(contact);
      report.recordId = contact.id;
    }
    report.state = DutyReportState.CONFIRMED;
    report.decidedAt = new Date();
    await this.em.flush();
    return report;
  }

  async reject(id: string, reason: string): Promise<DutyReport> {
    if (reason.trim().length === 0 || reason.length > 300) throw dutyReportErrors.reasonLength();
    const report = await this.lockPending(id);
    report.state = DutyReportState.REJECTED;
    report.decidedAt = new Date();
    report.decisionNote = reason;
    await this.em.flush();
    return report;
  }

  private async lockPending(id: string): Promise<DutyReport> {
    assertUuid(id, ['id']);
    // in the caller's county: a lock by id alone would reach every shard on Citus
    const report = await this.em.findOne(
      DutyReport,
      { id, county: this.scope.countyId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!report || report.township.id !== this.scope.townshipId) throw commonErrors.notFound(LABEL, id);
    if (report.state !== DutyReportState.PENDING) throw dutyReportErrors.alreadyDecided(report.state);
    return report;
  }
}
