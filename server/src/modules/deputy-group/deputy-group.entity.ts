import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/entities/tenant-entity.js';

/** A deputy group (代表小组). */
@ObjectType({ description: '代表小组' })
@Entity({ tableName: 'deputy_group' })
@Unique({ properties: ['township', 'name'] })
export class DeputyGroup extends TenantEntity {
  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;
}
