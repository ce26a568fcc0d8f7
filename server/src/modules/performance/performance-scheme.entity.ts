import type { Ref } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { PerformanceRule, type StoredRule } from './performance-rule.js';

/**
 * A county's points scheme (履职积分办法) for one year. Versions are never changed once written: saving
 * adds the next version, so any result can be recomputed with the version it was computed with.
 */
@ObjectType({ description: '履职积分方案（按县、年度，版本只增不改）' })
@Entity({ tableName: 'performance_scheme' })
@Unique({ properties: ['county', 'year', 'version'] })
@Check({ name: 'performance_scheme_version_check', expression: 'version >= 1' })
export class PerformanceScheme extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  version!: number;

  @Field(() => [PerformanceRule])
  @Property({ type: 'jsonb' })
  rules!: StoredRule[];

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many points per deputy and year (deductions apply after it)',
  })
  @Property({ type: 'integer', nullable: true })
  yearCap: number | null = null;

  @Field(() => String, { nullable: true, description: 'Why a version after the year closed was written (修订理由)' })
  @Property({ type: 'text', nullable: true })
  revisionReason: string | null = null;

  @Field(() => ID)
  get countyId(): string {
    return this.county.id;
  }
}
