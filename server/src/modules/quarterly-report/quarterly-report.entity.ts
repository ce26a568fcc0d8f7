import { Check, Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { ReportState } from './report-state.enum.js';

/** A township's figures for one quarter, submitted to and accepted or returned by the county. */
@ObjectType({ description: '季度报表' })
@Entity({ tableName: 'quarterly_report' })
@Unique({
  name: 'quarterly_report_township_id_year_quarter_unique',
  properties: ['county', 'township', 'year', 'quarter'],
})
// County comparisons read one county's reports: without it they scanned the country's.
@Index({ properties: ['county', 'year', 'quarter'] })
@Check({ name: 'quarterly_report_quarter_check', expression: 'quarter >= 1 and quarter <= 4' })
export class QuarterlyReport extends TenantEntity {
  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  quarter!: number;

  @Field(() => ReportState)
  @Enum({ items: () => ReportState, default: ReportState.DRAFT })
  state: ReportState = ReportState.DRAFT;

  @Field(() => Int, { description: 'Bumped on every change; submissions name the version they saw' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field({ description: 'Submitted after the county’s deadline' })
  @Property({ type: 'boolean', default: false })
  late: boolean = false;

  @Field(() => Int, { description: 'Number of the latest submitted revision (0 before the first)' })
  @Property({ type: 'integer', default: 0 })
  revision: number = 0;

  @Field(() => String, { nullable: true, description: 'The county’s reason when it returned the report' })
  @Property({ type: 'text', nullable: true })
  returnReason: string | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  reviewedAt: Date | null = null;

  @Field(() => ID, { nullable: true, description: 'County staff member who accepted or returned it' })
  @Property({ type: 'uuid', nullable: true })
  reviewedBy: string | null = null;
}
