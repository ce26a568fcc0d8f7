import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';

/** A county (县/县级市): its standing committee supervises the townships in it. */
@ObjectType({ description: '县（县级市）：其人大常委会指导所辖乡镇人大工作' })
@Entity({ tableName: 'county' })
export class County extends TimestampedEntity {
  @Field()
  @Unique()
  @Property({ type: 'string', length: 32 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;
}
