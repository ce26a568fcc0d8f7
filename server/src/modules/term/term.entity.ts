import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';

/** A congress term (届次), e.g. 第八届; usually five years. */
@ObjectType({ description: '届次' })
@Entity({ tableName: 'term' })
@Unique({ name: 'term_township_id_name_unique', properties: ['county', 'township', 'name'] })
export class Term extends TenantEntity {
  @Field(() => Int, { nullable: true, description: '8 for 第八届; null when the report does not say' })
  @Property({ type: 'integer', nullable: true })
  ordinal: number | null = null;

  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startedOn: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;
}
