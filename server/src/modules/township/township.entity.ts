import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { County } from '../county/county.entity.js';

/** A township (乡镇): the tenant. Its presidium (人大主席团) keeps the records. */
@ObjectType({ description: '乡镇（租户）' })
@Entity({ tableName: 'township' })
@Unique({ properties: ['county', 'code'] })
@Index({ properties: ['county', 'name'] })
export class Township extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field()
  @Property({ type: 'string', length: 32 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'The reference report the seeded facts came from' })
  @Property({ type: 'string', length: 200, nullable: true })
  sourceReport: string | null = null;

  /** What printouts cite as the source: the report's own title, never its file name. */
  @Field(() => String, {
    nullable: true,
    description: '来源报告标题 / The title of the report the seeded facts came from',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  sourceReportTitle: string | null = null;

  @Field(() => Provenance)
  @Enum({ items: () => Provenance, default: Provenance.RECORDED })
  provenance: Provenance = Provenance.RECORDED;

  @Field(() => ID)
  get countyId(): string {
    return this.county.id;
  }
}
