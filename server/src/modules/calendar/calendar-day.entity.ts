import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { CalendarDayKind } from './calendar-day-kind.enum.js';

/**
 * An exception to "Monday to Friday are working days": a holiday on a weekday or a make-up working
 * day on a weekend. `county` null is the national calendar; a county may add its own days.
 */
@ObjectType({ description: '工作日历例外日' })
@Entity({ tableName: 'calendar_day' })
// One entry per day and scope; national rows have no county, so the index folds null into one value.
@Unique({
  name: 'calendar_day_scope_day_unique',
  expression:
    'create unique index "calendar_day_scope_day_unique" on "calendar_day" (coalesce("county_id", \'00000000-0000-0000-0000-000000000000\'::uuid), "day")',
})
export class CalendarDay extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, nullable: true, deleteRule: 'restrict' })
  county: Ref<County> | null = null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  day!: string;

  @Field(() => CalendarDayKind)
  @Enum({ items: () => CalendarDayKind })
  kind!: CalendarDayKind;

  @Field()
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field(() => ID, { nullable: true })
  get countyId(): string | null {
    return this.county?.id ?? null;
  }
}
