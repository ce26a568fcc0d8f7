import { Field, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { TextKindOf } from '../../../common/validation/text-kind-of.js';

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  displayName?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextKindOf('secret')
  @Length(10, 200, { message: 'password: at least 10 characters' })
  password?: string | null;
}
