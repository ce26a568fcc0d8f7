import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';
import { TextKindOf } from '../../../common/validation/text-kind-of.js';

@InputType()
export class LoginInput {
  @Field()
  @Length(1, 80)
  login!: string;

  @Field()
  @TextKindOf('secret')
  @Length(1, 200)
  password!: string;
}
