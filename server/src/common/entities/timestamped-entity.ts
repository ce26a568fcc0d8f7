import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { uuidV7 } from '../ids/uuid-v7.js';

/** id + timestamps shared by every table; `updatedAt` is what analysts' `updatedSince` syncs on. */
@ObjectType()
export abstract class TimestampedEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidV7();

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date(), index: true })
  updatedAt: Date = new Date();
}
