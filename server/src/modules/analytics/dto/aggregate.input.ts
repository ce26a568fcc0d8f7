import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { AggregateSubject } from '../aggregate-subject.enum.js';
import { AggregateDimension } from '../aggregate-dimension.enum.js';

@InputType()
export class AggregateInput {
  @Field(() => AggregateSubject)
  subject!: AggregateSubject;

  @Field(() => [AggregateDimension], { description: 'Up to 3 dimensions; empty for a grand total' })
  @ArrayMaxSize(3)
  groupBy!: AggregateDimension[];

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  to?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  townshipIds?: string[] | null;
}
