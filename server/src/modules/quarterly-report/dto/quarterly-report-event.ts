import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { ReportEventKind } from '../report-event-kind.enum.js';

/** One step of a report's history, with who took it and when. */
@ObjectType({ description: '季度报表的一次操作：报送、更正、退回、接收' })
export class QuarterlyReportEvent {
  @Field(() => ReportEventKind)
  kind!: ReportEventKind;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => ID, { description: 'The user (or API token) who acted' })
  actorId!: string;

  @Field(() => String, { nullable: true, description: 'Their display name (an API token’s name); null when unknown' })
  actorName!: string | null;

  @Field({ description: 'Submitted by a township system with an API token' })
  viaApiToken!: boolean;

  @Field(() => Int, { nullable: true, description: 'The revision a submission or correction created' })
  revision!: number | null;

  @Field(() => String, { nullable: true, description: 'Return reason, or the correction reason' })
  reason!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A submission after the deadline' })
  late!: boolean | null;
}
