import type { Ref } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';

/** The county's submission deadline for one quarter; a submission after it is marked late. */
@ObjectType({ description: '季度报表报送截止时间' })
@Entity({ tableName: 'reporting_deadline' })
@Unique({ properties: ['county', 'year', 'quarter'] })
@Check({ name: 'reporting_deadline_quarter_check', expression: 'quarter >= 1 and quarter <= 4' })
export class ReportingDeadline extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  quarter!: number;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => ID)
  get countyId(): string {
    return this.county.id;
  }
}
