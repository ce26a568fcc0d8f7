import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { assignGiven } from '../../common/entities/assign-given.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertDatePrecision } from '../../common/validation/assert-date-precision.js';
import { assertNotRetired } from '../../common/validation/assert-not-retired.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { assertDeputyServing } from '../deputy/assert-deputy-serving.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { Activity } from './activity.entity.js';
import { ActivityParticipant } from './activity-participant.entity.js';
import { ActivityService } from './activity.service.js';
import type { Attendance } from './attendance.enum.js';
import type { RecordActivityInput } from './dto/record-activity.input.js';
import type { UpdateActivityInput } from './dto/update-activity.input.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { deputyGroupErrors } from '../deputy-group/deputy-group.errors.js';
import { stationErrors } from '../station/station.errors.js';
import { activityErrors } from './activity.errors.js';

type Field = readonly (string | number)[];

interface Participation {
  deputy: Deputy;
  attendance: Attendance;
}

const STATION = { zh: '代表联络站', en: 'station' };
const GROUP = { zh: '代表小组', en: 'deputy group' };
const SESSION = { zh: '人代会会议', en: 'congress session' };
const DEPUTY = { zh: '代表', en: 'deputy' };

/**
 * Records activities with their participants. An activity and its attendance rows are one write: every
 * check runs before anything is persisted, and the request transaction rolls back on any later error.
 */
export class ActivityWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async record(input: RecordActivityInput): Promise<Activity> {
    assertRecordDate(input.occurredOn, ['input', 'occurredOn']);
    assertDatePrecision(input.occurredOn, input.datePrecision, ['input', 'occurredOn']);
    const on = input.occurredOn;
    const station = input.stationId != null ? await this.station(input.stationId, on, ['input', 'stationId']) : null;
    const group = input.groupId != null ? await this.group(input.groupId, on, ['input', 'groupId']) : null;
    const session = input.sessionId != null ? await this.session(input.sessionId) : null;
    const participants = await this.participations(input.participants, on);
    const activity = Object.assign(new Activity(), {
      ...tenantRefs(this.scope),
      type: input.type,
      occurredOn: on,
      datePrecision: input.datePrecision,
      title: input.title,
      topic: input.topic ?? null,
      place: input.place ?? null,
      outcome: input.outcome ?? null,
      station: station ? ref(station) : null,
      group: group ? ref(group) : null,
      session: session ? ref(session) : null,
    });
    this.em.persist(activity);
    for (const participation of participants) this.em.persist(this.participant(activity, participation));
    await this.em.flush();
    return activity;
  }

  /**
   * The activity is checked as it will be stored: moving its date re-checks the kept station, group and
   * participants against the new date (the refusal then names occurredOn).
   */
  async update(id: string, input: UpdateActivityInput): Promise<Activity> {
    const activity = await new ActivityService(this.em).findById(id, this.scope.countyId);
    const on = input.occurredOn ?? activity.occurredOn;
    if (input.occurredOn !== undefined) assertRecordDate(on, ['input', 'occurredOn']);
    if (input.occurredOn !== undefined || input.datePrecision !== undefined) {
      const field = input.occurredOn !== undefined ? ['input', 'occurredOn'] : ['input', 'datePrecision'];
      assertDatePrecision(on, input.datePrecision ?? activity.datePrecision, field);
    }
    const moved = on !== activity.occurredOn;
    const kept: Field = ['input', 'occurredOn'];

    let station = activity.station;
    if (input.stationId !== undefined) {
      station = input.stationId === null ? null : ref(await this.station(input.stationId, on, ['input', 'stationId']));
    } else if (moved && station) {
      await this.station(station.id, on, kept);
    }
    let group = activity.group;
    if (input.groupId !== undefined) {
      group = input.groupId === null ? null : ref(await this.group(input.groupId, on, ['input', 'groupId']));
    } else if (moved && group) {
      await this.group(group.id, on, kept);
    }
    let session = activity.session;
    if (input.sessionId !== undefined)
      session = input.sessionId === null ? null : ref(await this.session(input.sessionId));

    const existing =
      input.participants != null || moved
        ? await this.em.find(ActivityParticipant, { activity: activity.id, county: this.scope.countyId })
        : [];
    let wanted: Participation[] | null = null;
    if (input.participants != null) {
      wanted = await this.participations(input.participants, on);
    } else if (moved && existing.length > 0) {
      const deputies = await this.em.find(Deputy, {
        id: { $in: existing.map((row) => row.deputy.id) },
        county: this.scope.countyId,
      });
      for (const deputy of deputies) assertDeputyServing(deputy, on, kept);
    }

    assignGiven(activity, input, ['type', 'occurredOn', 'datePrecision', 'title', 'topic', 'place', 'outcome']);
    Object.assign(activity, { station, group, session });
    if (wanted) this.replaceParticipants(activity, existing, wanted);
    await this.em.flush();
    return activity;
  }

  /** Keeps the rows of deputies still listed (their attendance updated), removes the others, adds the new. */
  private replaceParticipants(activity: Activity, existing: ActivityParticipant[], wanted: Participation[]): void {
    const byDeputy = new Map(existing.map((row) => [row.deputy.id, row]));
    for (const participation of wanted) {
      const row = byDeputy.get(participation.deputy.id);
      if (row) {
        row.attendance = participation.attendance;
        byDeputy.delete(participation.deputy.id);
      } else {
        this.em.persist(this.participant(activity, participation));
      }
    }
    for (const row of byDeputy.values()) this.em.remove(row);
  }

  /** Each listed deputy once, of the township, and still in office on the activity's date; one query. */
  private async participations(
    list: readonly { deputyId: string; attendance: Attendance }[],
    on: string,
  ): Promise<Participation[]> {
    const fieldOf = (i: number): Field => ['input', 'participants', i, 'deputyId'];
    const seen = new Set<string>();
    list.forEach((item, i) => {
      assertUuid(item.deputyId, fieldOf(i));
      const id = item.deputyId.toLowerCase();
      if (seen.has(id)) throw activityErrors.participantTwice(fieldOf(i));
      seen.add(id);
    });
    if (list.length === 0) return [];
    // in the caller's county: one shard group on Citus (loadInTownship)
    const found = await this.em.find(Deputy, { id: { $in: [...seen] }, county: this.scope.countyId });
    const byId = new Map(found.map((deputy) => [deputy.id, deputy]));
    return list.map((item, i) => {
      const deputy = byId.get(item.deputyId.toLowerCase());
      if (!deputy || deputy.township.id !== this.scope.townshipId) {
        throw accessErrors.notInTownship(fieldOf(i), DEPUTY, item.deputyId);
      }
      assertDeputyServing(deputy, on, fieldOf(i));
      return { deputy, attendance: item.attendance };
    });
  }

  private participant(activity: Activity, participation: Participation): ActivityParticipant {
    return Object.assign(new ActivityParticipant(), {
      ...tenantRefs(this.scope),
      activity: ref(activity),
      deputy: ref(participation.deputy),
      attendance: participation.attendance,
    });
  }

  private async station(id: string, on: string, field: Field): Promise<Station> {
    const station = await loadInTownship(this.em, Station, id, this.scope, field, STATION);
    assertNotRetired(station, on, field, stationErrors.retired);
    return station;
  }

  private async group(id: string, on: string, field: Field): Promise<DeputyGroup> {
    const group = await loadInTownship(this.em, DeputyGroup, id, this.scope, field, GROUP);
    assertNotRetired(group, on, field, deputyGroupErrors.retired);
    return group;
  }

  private session(id: string): Promise<CongressSession> {
    return loadInTownship(this.em, CongressSession, id, this.scope, ['input', 'sessionId'], SESSION);
  }
}
