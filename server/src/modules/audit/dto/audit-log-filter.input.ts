import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { AuditAction } from '../audit-action.enum.js';

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  townshipId?: string | null;

  @Field(() => String, { nullable: true, description: 'Table name, e.g. deputy' })
  tableName?: string | null;

  @Field(() => ID, { nullable: true })
  rowId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  to?: Date | null;
}
