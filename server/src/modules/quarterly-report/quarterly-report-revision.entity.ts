import type { Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { TenancyImpliedByParent, TenantEntity } from '../../tenancy/tenant-entity.js';
import { QuarterlyReport } from './quarterly-report.entity.js';
import { RevisionValue } from './revision-value.js';

/**
 * One submission of a quarterly report, immutable: every revision stays readable. The idempotency key
 * makes a replayed submission return the revision it created instead of creating another.
 */
@ObjectType({ description: '季度报表的一次报送（修订版本）' })
@Entity({ tableName: 'quarterly_report_revision' })
@TenancyImpliedByParent()
@Unique({ name: 'quarterly_report_revision_report_id_revision_unique', properties: ['county', 'report', 'revision'] })
@Unique({
  name: 'quarterly_report_revision_township_id_idempotency_key_unique',
  properties: ['county', 'township', 'idempotencyKey'],
})
export class QuarterlyReportRevision extends TenantEntity {
  @ManyToOne(() => QuarterlyReport, { ref: true, deleteRule: 'cascade' })
  report!: Ref<QuarterlyReport>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision!: number;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  submittedBy!: string;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  @Field()
  @Property({ type: 'boolean' })
  late!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when correcting an accepted report' })
  @Property({ type: 'text', nullable: true })
  correctionReason: string | null = null;

  @Field(() => [RevisionValue])
  @Property({ type: 'json' })
  values!: RevisionValue[];

  @Field(() => ID)
  get reportId(): string {
    return this.report.id;
  }
}
