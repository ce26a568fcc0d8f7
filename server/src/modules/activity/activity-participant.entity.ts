import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.enum.js';

/** A deputy's attendance at an activity; attendance rates are counted from these rows. */
@ObjectType({ description: '活动参加情况' })
@Entity({ tableName: 'activity_participant' })
@Unique({ name: 'activity_participant_activity_id_deputy_id_unique', properties: ['county', 'activity', 'deputy'] })
@Index({ properties: ['deputy', 'activity'] })
export class ActivityParticipant extends TenantEntity {
  @ManyToOne(() => Activity, { ref: true, deleteRule: 'cascade' })
  activity!: Ref<Activity>;

  @ManyToOne(() => Deputy, { ref: true, deleteRule: 'restrict' })
  deputy!: Ref<Deputy>;

  @Field(() => Attendance)
  @Enum({ items: () => Attendance })
  attendance: Attendance = Attendance.PRESENT;

  @Field(() => ID)
  get activityId(): string {
    return this.activity.id;
  }

  @Field(() => ID)
  get deputyId(): string {
    return this.deputy.id;
  }
}
