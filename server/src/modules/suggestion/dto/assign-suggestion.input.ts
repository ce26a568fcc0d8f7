import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Length, Max, Min } from 'class-validator';

@InputType()
export class AssignSuggestionInput {
  @Field({ description: '承办单位' })
  @Length(1, 200)
  handlingUnit!: string;

  @Field(() => LocalDateResolver)
  assignedOn!: string;

  @Field(() => Int, { nullable: true, description: 'Working days allowed for the reply; default 20' })
  @IsOptional()
  @Min(1)
  @Max(120)
  replyWorkingDays?: number | null;
}
