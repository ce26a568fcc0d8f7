import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AuditAction } from './audit-action.enum.js';

/**
 * A change to tenant data, written by a database trigger in the same transaction as the change
 * (a rollback leaves none). The application role may read rows its policy shows, never alter them.
 */
@ObjectType({ description: '审计日志' })
@Entity({ tableName: 'audit_log', readonly: true })
@Index({ properties: ['countyId', 'occurredAt'] })
@Index({ properties: ['tableName', 'rowId'] })
export class AuditLogEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'null for changes made outside a signed-in request (seed loading)' })
  @Property({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  role!: string | null;

  /** Not null in the table (its shard key); platform rows are logged under the nil uuid, which no caller reads. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid' })
  countyId!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  townshipId!: string | null;

  @Field()
  @Property({ type: 'string', length: 63 })
  tableName!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  rowId!: string | null;

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction })
  action!: AuditAction;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after!: Record<string, unknown> | null;
}
