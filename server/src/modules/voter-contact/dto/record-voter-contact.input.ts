import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { IsOptional } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { VoterContactKind } from '../voter-contact-kind.enum.js';

@InputType({ description: '登记群众来访、来信' })
export class RecordVoterContactInput {
  @Field(() => VoterContactKind)
  kind!: VoterContactKind;

  @Field(() => LocalDateResolver)
  receivedOn!: string;

  @Field({ description: '1-300 characters' })
  @SingleLineText(300)
  subject!: string;

  @Field(() => ID, { nullable: true, description: 'The station where the voter came' })
  @IsOptional()
  stationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The deputy who received the visit or letter' })
  @IsOptional()
  deputyId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When already answered; else use replyVoterContact' })
  @IsOptional()
  repliedOn?: string | null;
}
