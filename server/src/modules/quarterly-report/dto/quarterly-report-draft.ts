import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { QuarterlyReport } from '../quarterly-report.entity.js';
import { DraftValue } from './draft-value.js';

@ObjectType({ description: '季度报表草稿：按记录预填 / A quarterly report prefilled from records' })
export class QuarterlyReportDraft {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => LocalDateResolver)
  periodStart!: string;

  @Field(() => LocalDateResolver)
  periodEnd!: string;

  @Field(() => Int, { description: 'Send this as expectedVersion when submitting (0 before the first submission)' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  deadline!: Date;

  @Field(() => QuarterlyReport, { nullable: true, description: 'The report as it stands, when one was submitted' })
  report!: QuarterlyReport | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the township held an election in the period, from its election records: null when they cannot tell ' +
      '(no election records at all, or one dated only to this year). Election metrics are left out when false.',
  })
  electionHeld!: boolean | null;

  @Field(() => [DraftValue])
  values!: DraftValue[];
}
