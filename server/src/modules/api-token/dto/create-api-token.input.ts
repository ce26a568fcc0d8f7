import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min } from 'class-validator';
import { SingleLineText } from '../../../common/validation/single-line-text.js';
import { ApiTokenOperation } from '../api-token-operation.enum.js';

@InputType()
export class CreateApiTokenInput {
  @Field({ description: '用途说明 / What the token is for, e.g. the township system’s name' })
  @SingleLineText(100)
  name!: string;

  @Field(() => [ApiTokenOperation])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  operations!: ApiTokenOperation[];

  @Field(() => ID, {
    nullable: true,
    description: 'A county admin names the township; a clerk’s token is for its own township',
  })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days until it expires: 1 to 366, default 366' })
  @IsOptional()
  @Min(1)
  @Max(366)
  expiresInDays?: number | null;
}
