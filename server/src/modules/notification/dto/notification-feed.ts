import { Field, Int, ObjectType } from 'type-graphql';
import { Notification } from '../notification.entity.js';

@ObjectType({ description: '本乡镇的站内通知，最新在前' })
export class NotificationFeed {
  @Field(() => [Notification])
  nodes!: Notification[];

  @Field(() => Int, { description: 'Unread notifications of the township, whatever the page' })
  unreadCount!: number;
}
