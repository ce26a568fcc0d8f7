import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { Station } from '../station/station.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { ActivityType } from './activity-type.enum.js';

/** Something the presidium or its deputies did: an inspection, a study session, a meeting, ... */
@ObjectType({ description: '代表活动' })
@Entity({ tableName: 'activity' })
@Index({ properties: ['township', 'occurredOn', 'id'] })
@Index({ properties: ['county', 'type', 'occurredOn'] })
@Index({ properties: ['station'] })
export class Activity extends TenantEntity {
  @Field(() => ActivityType)
  @Enum({ items: () => ActivityType })
  type!: ActivityType;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  occurredOn!: string;

  @Field(() => DatePrecision)
  @Enum({ items: () => DatePrecision, default: DatePrecision.DAY })
  datePrecision: DatePrecision = DatePrecision.DAY;

  @Field()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  topic: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  place: string | null = null;

  @ManyToOne(() => Station, { ref: true, nullable: true, deleteRule: 'set null' })
  station: Ref<Station> | null = null;

  @ManyToOne(() => DeputyGroup, { ref: true, nullable: true, deleteRule: 'set null' })
  group: Ref<DeputyGroup> | null = null;

  @ManyToOne(() => CongressSession, { ref: true, nullable: true, deleteRule: 'set null' })
  session: Ref<CongressSession> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;

  @Field(() => ID, { nullable: true })
  get stationId(): string | null {
    return this.station?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get groupId(): string | null {
    return this.group?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get sessionId(): string | null {
    return this.session?.id ?? null;
  }
}
