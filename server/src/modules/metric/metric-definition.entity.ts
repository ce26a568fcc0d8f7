import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { MetricGroup } from './metric-group.enum.js';
import { MetricKind } from './metric-kind.enum.js';

/**
 * A metric the county compares townships on. Catalog rows are data: `county` null means the
 * platform-wide definition; a county may add its own.
 */
@ObjectType({ description: '统计指标定义' })
@Entity({ tableName: 'metric_definition' })
// Keys are unique per county, platform rows (no county) forming one scope of their own; the write service
// also keeps a county key from repeating a platform key, which every county sees.
@Unique({
  name: 'metric_definition_scope_key_unique',
  expression:
    'create unique index "metric_definition_scope_key_unique" on "metric_definition" (coalesce("county_id", \'00000000-0000-0000-0000-000000000000\'::uuid), "key")',
})
export class MetricDefinition extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, nullable: true, deleteRule: 'restrict' })
  county: Ref<County> | null = null;

  @Field()
  @Property({ type: 'string', length: 80 })
  key!: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  nameZh!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field()
  @Property({ type: 'string', length: 20 })
  unit!: string;

  @Field(() => MetricKind)
  @Enum({ items: () => MetricKind })
  kind!: MetricKind;

  @Field()
  @Property({ type: 'boolean' })
  higherIsBetter!: boolean;

  @Field({ description: 'How the value is computed, and which records count' })
  @Property({ type: 'text' })
  computation!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 80, nullable: true })
  numeratorKey: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 80, nullable: true })
  denominatorKey: string | null = null;

  @Field(() => MetricGroup, { description: 'The section of the quarterly form the metric belongs to' })
  @Enum({ items: () => MetricGroup, fieldName: 'metric_group', default: MetricGroup.OTHER })
  group: MetricGroup = MetricGroup.OTHER;

  @Field(() => Int, { description: 'Order within the section (platform metrics first, then the county’s)' })
  @Property({ type: 'smallint', fieldName: 'group_position', default: 0 })
  position: number = 0;

  @Field(() => ID, { nullable: true })
  get countyId(): string | null {
    return this.county?.id ?? null;
  }
}
