import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';

/** A deputy group (代表小组). */
@ObjectType({ description: '代表小组' })
@Entity({ tableName: 'deputy_group' })
@Unique({ name: 'deputy_group_township_id_name_unique', properties: ['county', 'township', 'name'] })
export class DeputyGroup extends TenantEntity {
  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Set when the group is dissolved' })
  @Property({ type: 'date', nullable: true })
  retiredOn: string | null = null;
}
