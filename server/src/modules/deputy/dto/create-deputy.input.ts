import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { Gender } from '../gender.enum.js';
import { DeputyLevel } from '../deputy-level.enum.js';
import { PartyAffiliation } from '../party-affiliation.enum.js';
import { OccupationCategory } from '../occupation-category.enum.js';
import { ContactPhone } from './contact-phone.js';

@InputType({ description: '新增代表 / A deputy of the clerk’s township; the status starts ACTIVE' })
export class CreateDeputyInput {
  @Field(() => ID, { description: 'The term (届次) of the township the deputy serves in' })
  termId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  stationId?: string | null;

  @Field({ description: '1-50 characters' })
  @SingleLineText(50)
  name!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => Int, { nullable: true, description: '1900 to the current year' })
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

  @Field(() => DeputyLevel)
  level!: DeputyLevel;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  electedOn?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Elected in a by-election (补选)' })
  byElection: boolean = false;

  @Field(() => String, { nullable: true, description: '联系电话 (PII)' })
  @IsOptional()
  @ContactPhone()
  contactPhone?: string | null;
}
