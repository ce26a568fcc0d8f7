import type { Ref } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Station } from '../station/station.entity.js';

/**
 * A deputy's report to the voters (代表述职) and the voters' evaluation of it (选民评议代表). The three
 * evaluation counts are given together or not at all: a report whose evaluation was not held has none.
 */
@ObjectType({ description: '代表述职评议' })
@Entity({ tableName: 'deputy_report' })
@Index({ properties: ['deputy', 'reportedOn'] })
@Index({ properties: ['county', 'reportedOn'] })
@Check({
  name: 'deputy_report_counts_check',
  expression:
    'voters_present >= 0 and satisfied >= 0 and basically_satisfied >= 0 and dissatisfied >= 0 and satisfied + basically_satisfied + dissatisfied <= voters_present',
})
@Check({
  name: 'deputy_report_evaluation_whole_check',
  expression: '(satisfied is null) = (basically_satisfied is null) and (satisfied is null) = (dissatisfied is null)',
})
export class DeputyReport extends TenantEntity {
  @ManyToOne(() => Deputy, { ref: true, deleteRule: 'restrict' })
  deputy!: Ref<Deputy>;

  @ManyToOne(() => Station, { ref: true, nullable: true, deleteRule: 'set null' })
  station: Ref<Station> | null = null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => Int, { description: '到场选民人数' })
  @Property({ type: 'integer' })
  votersPresent!: number;

  @Field(() => Int, { nullable: true, description: '评议满意票数（未评议为 null）' })
  @Property({ type: 'integer', nullable: true })
  satisfied: number | null = null;

  @Field(() => Int, { nullable: true, description: '评议基本满意票数' })
  @Property({ type: 'integer', nullable: true })
  basicallySatisfied: number | null = null;

  @Field(() => Int, { nullable: true, description: '评议不满意票数' })
  @Property({ type: 'integer', nullable: true })
  dissatisfied: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  title: string | null = null;

  @Field(() => ID)
  get deputyId(): string {
    return this.deputy.id;
  }

  @Field(() => ID, { nullable: true })
  get stationId(): string | null {
    return this.station?.id ?? null;
  }
}
