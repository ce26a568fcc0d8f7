import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional, Min } from 'class-validator';
import { DatePrecision } from '../../../common/enums/date-precision.enum.js';
import { ElectionKind } from '../election-kind.enum.js';

@InputType({ description: '登记选举 / Unknown counts stay null' })
export class RecordElectionInput {
  @Field(() => ElectionKind)
  kind!: ElectionKind;

  @Field(() => LocalDateResolver, { description: 'January 1st when only the year is known (datePrecision YEAR)' })
  heldOn!: string;

  @Field(() => DatePrecision, { defaultValue: DatePrecision.DAY })
  datePrecision: DatePrecision = DatePrecision.DAY;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  registeredVoters?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most registeredVoters' })
  @IsOptional()
  @Min(0)
  votersVoted?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  countyDeputiesElected?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  townshipDeputiesElected?: number | null;
}
