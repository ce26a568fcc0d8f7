import { ref, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SeedDataset, SeedProvenance } from '@renda/seeds';
import { uuidV7 } from '../common/ids/uuid-v7.js';
import { Provenance } from '../common/enums/provenance.enum.js';
import { FigureQualifier } from '../common/enums/figure-qualifier.enum.js';
import { DatePrecision } from '../common/enums/date-precision.enum.js';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';
import { Term } from '../modules/term/term.entity.js';
import { CongressSession } from '../modules/term/congress-session.entity.js';
import { DeputyGroup } from '../modules/deputy-group/deputy-group.entity.js';
import { Station } from '../modules/station/station.entity.js';
import { StationKind } from '../modules/station/station-kind.enum.js';
import { ReceptionScheduleKind } from '../modules/station/reception-schedule-kind.enum.js';
import { Deputy } from '../modules/deputy/deputy.entity.js';
import { Gender } from '../modules/deputy/gender.enum.js';
import { DeputyLevel } from '../modules/deputy/deputy-level.enum.js';
import { DeputyStatus } from '../modules/deputy/deputy-status.enum.js';
import { OccupationCategory } from '../modules/deputy/occupation-category.enum.js';
import { PartyAffiliation } from '../modules/deputy/party-affiliation.enum.js';
import { Activity } from '../modules/activity/activity.entity.js';
import { ActivityType } from '../modules/activity/activity-type.enum.js';
import { ActivityParticipant } from '../modules/activity/activity-participant.entity.js';
import { Attendance } from '../modules/activity/attendance.enum.js';
import { Suggestion } from '../modules/suggestion/suggestion.entity.js';
import { SuggestionProposer } from '../modules/suggestion/suggestion-proposer.entity.js';
import { SuggestionKind } from '../modules/suggestion/suggestion-kind.enum.js';
import { SuggestionState } from '../modules/suggestion/suggestion-state.enum.js';
import { OutcomeClass } from '../modules/suggestion/outcome-class.enum.js';
import { Satisfaction } from '../modules/suggestion/satisfaction.enum.js';
import { VoterContact } from '../modules/voter-contact/voter-contact.entity.js';
import { VoterContactKind } from '../modules/voter-contact/voter-contact-kind.enum.js';
import { Election } from '../modules/election/election.entity.js';
import { ElectionKind } from '../modules/election/election-kind.enum.js';
import { PeriodFigure } from '../modules/figure/period-figure.entity.js';
import { FigurePeriodKind } from '../modules/figure/figure-period-kind.enum.js';
import { QuarterlyReport } from '../modules/quarterly-report/quarterly-report.entity.js';
import { QuarterlyReportValue } from '../modules/quarterly-report/quarterly-report-value.entity.js';
import { ReportState } from '../modules/quarterly-report/report-state.enum.js';

export interface SeedLoadResult {
  rows: number;
}

/**
 * Seed keys become database ids here. Keys are unique per kind of row (a congress session and the
 * activity that records it may share one), so each entity class has its own namespace.
 */
class KeyMap {
  private readonly ids = new Map<EntityClass<object>, Map<string, string>>();

  private space(entity: EntityClass<object>): Map<string, string> {
    let space = this.ids.get(entity);
    if (!space) {
      space = new Map();
      this.ids.set(entity, space);
    }
    return space;
  }

  assign<T extends object>(entity: EntityClass<T>, key: string): string {
    const space = this.space(entity as EntityClass<object>);
    if (space.has(key)) throw new Error(`duplicate seed key ${entity.name}:${key}`);
    const id = uuidV7();
    space.set(key, id);
    return id;
  }

  id<T extends object>(entity: EntityClass<T>, key: string): string {
    const id = this.space(entity as EntityClass<object>).get(key);
    if (!id) throw new Error(`unknown seed key ${entity.name}:${key}`);
    return id;
  }

  ref<T extends object>(entity: EntityClass<T>, key: string) {
    return ref(entity, this.id(entity, key));
  }

  optionalRef<T extends object>(entity: EntityClass<T>, key: string | null) {
    return key === null ? null : this.ref(entity, key);
  }
}

function build<T extends object>(entity: new () => T, props: Partial<T>): T {
  return Object.assign(new entity(), props);
}

/**
 * Inserts the dataset. Enum values are
 * checked against the server's enums, so a dataset that drifts from the model fails loudly.
 */
export async function loadSeedDataset(em: EntityManager, dataset: SeedDataset): Promise<SeedLoadResult> {
  const keys = new KeyMap();
  const townshipCounty = new Map<string, string>();
  const rows: object[] = [];
  const tenant = (townshipKey: string, provenance: SeedProvenance) => ({
    township: keys.ref(Township, townshipKey),
    county: keys.ref(County, townshipCounty.get(townshipKey)!),
    provenance: Provenance[provenance],
  });

  for (const c of dataset.counties) {
    rows.push(build(County, { id: keys.assign(County, c.key), code: c.code, name: c.name, nameEn: c.nameEn }));
  }
  for (const t of dataset.townships) {
    townshipCounty.set(t.key, t.countyKey);
    rows.push(
      build(Township, {
        id: keys.assign(Township, t.key),
        county: keys.ref(County, t.countyKey),
        code: t.code,
        name: t.name,
        nameEn: t.nameEn,
        sourceReport: t.sourceReport,
        sourceReportTitle: t.sourceReportTitle,
        provenance: Provenance[t.provenance],
      }),
    );
  }
  for (const t of dataset.terms) {
    rows.push(
      build(Term, {
        id: keys.assign(Term, t.key),
        ...tenant(t.townshipKey, t.provenance),
        ordinal: t.ordinal,
        name: t.name,
        startedOn: t.startedOn,
        endedOn: t.endedOn,
      }),
    );
  }
  const termTownship = new Map(dataset.terms.map((t) => [t.key, t.townshipKey]));
  for (const s of dataset.sessions) {
    rows.push(
      build(CongressSession, {
        id: keys.assign(CongressSession, s.key),
        ...tenant(termTownship.get(s.termKey)!, s.provenance),
        term: keys.ref(Term, s.termKey),
        sessionNumber: s.sessionNumber,
        name: s.name,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
      }),
    );
  }
  for (const g of dataset.deputyGroups) {
    rows.push(
      build(DeputyGroup, { id: keys.assign(DeputyGroup, g.key), ...tenant(g.townshipKey, g.provenance), name: g.name }),
    );
  }
  for (const s of dataset.stations) {
    rows.push(
      build(Station, {
        id: keys.assign(Station, s.key),
        ...tenant(s.townshipKey, s.provenance),
        name: s.name,
        kind: StationKind[s.kind],
        village: s.village,
        address: s.address,
        openedOn: s.openedOn,
        receptionSchedule: s.receptionSchedule,
        scheduleKind: s.scheduleKind ? ReceptionScheduleKind[s.scheduleKind] : null,
        scheduleDayOfMonth: s.scheduleDayOfMonth,
        scheduleWeekday: s.scheduleWeekday,
        scheduleWeekOfMonth: s.scheduleWeekOfMonth,
        deputiesPerReception: s.deputiesPerReception,
        deputiesPerReceptionMin: s.deputiesPerReceptionMin,
      }),
    );
  }
  for (const d of dataset.deputies) {
    rows.push(
      build(Deputy, {
        id: keys.assign(Deputy, d.key),
        ...tenant(d.townshipKey, d.provenance),
        term: keys.ref(Term, d.termKey),
        group: keys.optionalRef(DeputyGroup, d.groupKey),
        station: keys.optionalRef(Station, d.stationKey),
        name: d.name,
        gender: Gender[d.gender],
        birthYear: d.birthYear,
        ethnicity: d.ethnicity,
        party: d.party ? PartyAffiliation[d.party] : null,
        occupationCategory: d.occupationCategory ? OccupationCategory[d.occupationCategory] : null,
        level: DeputyLevel[d.level],
        status: DeputyStatus[d.status],
        electedOn: d.electedOn,
        byElection: d.byElection,
        phone: d.phone,
      }),
    );
  }
  for (const a of dataset.activities) {
    const activityId = keys.assign(Activity, a.key);
    rows.push(
      build(Activity, {
        id: activityId,
        ...tenant(a.townshipKey, a.provenance),
        type: ActivityType[a.type],
        occurredOn: a.occurredOn,
        datePrecision: DatePrecision[a.datePrecision],
        title: a.title,
        topic: a.topic,
        place: a.place,
        station: keys.optionalRef(Station, a.stationKey),
        group: keys.optionalRef(DeputyGroup, a.groupKey),
        session: keys.optionalRef(CongressSession, a.sessionKey),
        outcome: a.outcome,
      }),
    );
    for (const p of a.participants) {
      rows.push(
        build(ActivityParticipant, {
          ...tenant(a.townshipKey, a.provenance),
          activity: ref(Activity, activityId),
          deputy: keys.ref(Deputy, p.deputyKey),
          attendance: Attendance[p.attendance],
        }),
      );
    }
  }
  for (const s of dataset.suggestions) {
    const suggestionId = keys.assign(Suggestion, s.key);
    rows.push(
      build(Suggestion, {
        id: suggestionId,
        ...tenant(s.townshipKey, s.provenance),
        session: keys.optionalRef(CongressSession, s.sessionKey),
        kind: SuggestionKind[s.kind],
        title: s.title,
        category: s.category,
        handlingUnit: s.handlingUnit,
        submittedOn: s.submittedOn,
        assignedOn: s.assignedOn,
        deadline: s.deadline,
        state: SuggestionState[s.state],
        repliedOn: s.repliedOn,
        reply: s.reply,
        completedOn: s.completedOn,
        outcomeClass: s.outcomeClass ? OutcomeClass[s.outcomeClass] : null,
        satisfaction: s.satisfaction ? Satisfaction[s.satisfaction] : null,
      }),
    );
    for (const deputyKey of s.proposerKeys) {
      rows.push(
        build(SuggestionProposer, {
          ...tenant(s.townshipKey, s.provenance),
          suggestion: ref(Suggestion, suggestionId),
          deputy: keys.ref(Deputy, deputyKey),
        }),
      );
    }
  }
  for (const v of dataset.voterContacts) {
    rows.push(
      build(VoterContact, {
        id: keys.assign(VoterContact, v.key),
        ...tenant(v.townshipKey, v.provenance),
        kind: VoterContactKind[v.kind],
        receivedOn: v.receivedOn,
        station: keys.optionalRef(Station, v.stationKey),
        deputy: keys.optionalRef(Deputy, v.deputyKey),
        subject: v.subject,
        replied: v.replied,
        repliedOn: v.repliedOn,
      }),
    );
  }
  for (const e of dataset.elections) {
    rows.push(
      build(Election, {
        id: keys.assign(Election, e.key),
        ...tenant(e.townshipKey, e.provenance),
        heldOn: e.heldOn,
        datePrecision: DatePrecision[e.datePrecision],
        kind: ElectionKind[e.kind],
        registeredVoters: e.registeredVoters,
        votersVoted: e.votersVoted,
        countyDeputiesElected: e.countyDeputiesElected,
        townshipDeputiesElected: e.townshipDeputiesElected,
      }),
    );
  }
  for (const f of dataset.periodFigures) {
    rows.push(
      build(PeriodFigure, {
        ...tenant(f.townshipKey, f.provenance),
        metricKey: f.metricKey,
        periodKind: FigurePeriodKind[f.periodKind],
        year: f.year,
        term: keys.optionalRef(Term, f.termKey),
        value: f.value,
        qualifier: FigureQualifier[f.qualifier],
        note: f.note,
      }),
    );
  }
  for (const r of dataset.quarterlyReports) {
    const reportId = keys.assign(QuarterlyReport, r.key);
    rows.push(
      build(QuarterlyReport, {
        id: reportId,
        ...tenant(r.townshipKey, 'SYNTHETIC'),
        year: r.year,
        quarter: r.quarter,
        state: ReportState[r.state],
        submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
      }),
    );
    for (const v of r.values) {
      rows.push(
        build(QuarterlyReportValue, {
          ...tenant(r.townshipKey, v.provenance),
          report: ref(QuarterlyReport, reportId),
          metricKey: v.metricKey,
          recordedValue: v.value,
          reportedValue: v.value,
          qualifier: FigureQualifier[v.qualifier],
        }),
      );
    }
  }

  // Callers run this inside their transaction: either every row lands or none does.
  await em.persist(rows).flush();
  return { rows: rows.length };
}
