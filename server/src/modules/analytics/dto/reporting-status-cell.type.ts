import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { ReportingStatusKind } from '../reporting-status-kind.enum.js';

@ObjectType()
export class ReportingStatusCell {
  @Field(() => ID)
  townshipId!: string;

  @Field(() => Int)
  quarter!: number;

  @Field(() => ReportingStatusKind)
  status!: ReportingStatusKind;

  @Field({ description: 'Submitted after the deadline (an accepted or returned report keeps it)' })
  late!: boolean;

  @Field(() => ID, { nullable: true })
  reportId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Send as expectedVersion to accept or return' })
  version!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;

  @Field(() => String, { nullable: true })
  returnReason!: string | null;
}
