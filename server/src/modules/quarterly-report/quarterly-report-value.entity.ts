import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { TenancyImpliedByParent, TenantEntity } from '../../tenancy/tenant-entity.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { QuarterlyReport } from './quarterly-report.entity.js';

/**
 * One metric of a quarterly report: the figure counted from records and the figure reported, which
 * differ only when the clerk overrode it with a reason. null means unknown.
 */
@ObjectType({ description: '季度报表指标值' })
@Entity({ tableName: 'quarterly_report_value' })
@TenancyImpliedByParent()
@Unique({ name: 'quarterly_report_value_report_id_metric_key_unique', properties: ['county', 'report', 'metricKey'] })
export class QuarterlyReportValue extends TenantEntity {
  @ManyToOne(() => QuarterlyReport, { ref: true, deleteRule: 'cascade' })
  report!: Ref<QuarterlyReport>;

  @Field()
  @Property({ type: 'string', length: 80 })
  metricKey!: string;

  @Field(() => Float, { nullable: true, description: 'Counted from records' })
  @Property({ type: 'double', nullable: true })
  recordedValue: number | null = null;

  @Field(() => Float, { nullable: true, description: 'As reported to the county' })
  @Property({ type: 'double', nullable: true })
  reportedValue: number | null = null;

  @Field(() => FigureQualifier)
  @Enum({ items: () => FigureQualifier, default: FigureQualifier.EXACT })
  qualifier: FigureQualifier = FigureQualifier.EXACT;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  overrideReason: string | null = null;

  @Field(() => ID)
  get reportId(): string {
    return this.report.id;
  }
}
