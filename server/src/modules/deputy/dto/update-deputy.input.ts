import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { NotNullWhenGiven } from '../../../common/validation/not-null-when-given.js';
import { Gender } from '../gender.enum.js';
import { DeputyLevel } from '../deputy-level.enum.js';
import { PartyAffiliation } from '../party-affiliation.enum.js';
import { OccupationCategory } from '../occupation-category.enum.js';
import { ContactPhone } from './contact-phone.js';

@InputType({
  description:
    '修改代表 / Omitted fields keep their value; null clears an optional one. Status changes go through retireDeputy',
})
export class UpdateDeputyInput {
  @Field(() => ID, { nullable: true })
  @NotNullWhenGiven()
  termId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  stationId?: string | null;

  @Field(() => String, { nullable: true })
  @NotNullWhenGiven()
  @SingleLineText(50)
  name?: string;

  @Field(() => Gender, { nullable: true })
  @NotNullWhenGiven()
  gender?: Gender;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @SingleLineText(20)
  ethnicity?: string | null;

  @Field(() => PartyAffiliation, { nullable: true })
  @IsOptional()
  party?: PartyAffiliation | null;

  @Field(() => OccupationCategory, { nullable: true })
  @IsOptional()
  occupationCategory?: OccupationCategory | null;

  @Field(() => DeputyLevel, { nullable: true })
  @NotNullWhenGiven()
  level?: DeputyLevel;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  electedOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  @NotNullWhenGiven()
  byElection?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @ContactPhone()
  contactPhone?: string | null;
}
