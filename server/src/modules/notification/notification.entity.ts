import { Check, Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { NotificationKind } from './notification-kind.enum.js';

/**
 * A message from the county to a township (a reminder, a returned report), shown in the township's
 * in-app list until its clerk marks it read. Written by county staff only (a restrictive policy), read by
 * the township and the county's readers, marked read by the township's clerk.
 */
@ObjectType({ description: '站内通知：催报、报表退回' })
@Entity({ tableName: 'notification' })
// The township's list, newest first; and the reminder limit's look-up of the last reminder of a quarter.
@Index({ properties: ['township', 'createdAt'] })
@Index({ properties: ['township', 'kind', 'year', 'quarter', 'createdAt'] })
@Check({ name: 'notification_quarter_check', expression: 'quarter >= 1 and quarter <= 4' })
export class Notification extends TenantEntity {
  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  quarter!: number;

  @Field(() => ID, { nullable: true, description: 'The quarterly report concerned, when there is one' })
  @Property({ type: 'uuid', nullable: true })
  reportId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The return reason' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The deadline a reminder is about' })
  @Property({ type: 'datetime', nullable: true })
  dueAt: Date | null = null;

  @Field(() => ID, { description: 'County staff member who sent it' })
  @Property({ type: 'uuid' })
  sentBy!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;

  @Field(() => ID, { nullable: true, description: 'The clerk who marked it read' })
  @Property({ type: 'uuid', nullable: true })
  readBy: string | null = null;
}
