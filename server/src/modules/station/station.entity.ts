import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { StationKind } from './station-kind.enum.js';
import { ReceptionScheduleKind } from './reception-schedule-kind.enum.js';

/** A liaison or activity station (代表联络站/活动站) where deputies receive voters on a schedule. */
@ObjectType({ description: '代表联络站 / 活动站' })
@Entity({ tableName: 'station' })
@Unique({ name: 'station_township_id_name_unique', properties: ['county', 'township', 'name'] })
export class Station extends TenantEntity {
  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => StationKind)
  @Enum({ items: () => StationKind })
  kind: StationKind = StationKind.LIAISON_STATION;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  village: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  openedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'As written, e.g. 每月最后一周的星期二上午' })
  @Property({ type: 'string', length: 200, nullable: true })
  receptionSchedule: string | null = null;

  @Field(() => ReceptionScheduleKind, { nullable: true })
  @Enum({ items: () => ReceptionScheduleKind, nullable: true })
  scheduleKind: ReceptionScheduleKind | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  scheduleDayOfMonth: number | null = null;

  @Field(() => Int, { nullable: true, description: 'ISO weekday, 1 = Monday' })
  @Property({ type: 'smallint', nullable: true })
  scheduleWeekday: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  scheduleWeekOfMonth: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Deputies on duty per reception; the most, when a range is given' })
  @Property({ type: 'smallint', nullable: true })
  deputiesPerReception: number | null = null;

  @Field(() => Int, {
    nullable: true,
    description: 'The fewest deputies on duty when the schedule gives a range ("1—3名"); null for a single number',
  })
  @Property({ type: 'smallint', nullable: true })
  deputiesPerReceptionMin: number | null = null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when the station closes' })
  @Property({ type: 'date', nullable: true })
  retiredOn: string | null = null;
}
