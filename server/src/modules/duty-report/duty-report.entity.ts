import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { DutyReportKind } from './duty-report-kind.enum.js';
import { DutyReportState } from './duty-report-state.enum.js';

/**
 * A duty a deputy reports having done (履职报告), pending the township clerk's confirmation. It counts
 * nowhere until confirmed; confirming makes it a real record (`recordId`), which everything computed
 * from records (figures, the archive, points) then picks up.
 */
@ObjectType({ description: '代表履职报告（待乡镇确认）' })
@Entity({ tableName: 'duty_report' })
@Index({ properties: ['township', 'state', 'createdAt', 'id'] })
@Index({ properties: ['deputy'] })
export class DutyReport extends TenantEntity {
  @ManyToOne(() => Deputy, { ref: true, deleteRule: 'restrict' })
  deputy!: Ref<Deputy>;

  @Field(() => DutyReportKind)
  @Enum({ items: () => DutyReportKind })
  kind!: DutyReportKind;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field({ description: 'What the deputy did, in its own words' })
  @Property({ type: 'string', length: 300 })
  description!: string;

  /** The activity attended, when the deputy could name it (one it is listed in) or the clerk matched it. */
  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'set null' })
  activity: Ref<Activity> | null = null;

  @Field(() => DutyReportState)
  @Enum({ items: () => DutyReportState, default: DutyReportState.PENDING })
  state: DutyReportState = DutyReportState.PENDING;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'The clerk’s reason when rejecting' })
  @Property({ type: 'string', length: 300, nullable: true })
  decisionNote: string | null = null;

  @Field(() => ID, {
    nullable: true,
    description: 'The record confirming created: an activity participation or a voter contact (VISIT)',
  })
  @Property({ type: 'uuid', nullable: true })
  recordId: string | null = null;

  @Field(() => ID)
  get deputyId(): string {
    return this.deputy.id;
  }

  @Field(() => ID, { nullable: true })
  get activityId(): string | null {
    return this.activity?.id ?? null;
  }
}
