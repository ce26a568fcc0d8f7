import { Field, InputType } from 'type-graphql';
import { TextKindOf } from '../../../common/validation/text-kind-of.js';

/** The strength rules are the service's (coded refusals on `input.password`), not class-validator's. */
@InputType()
export class ActivateAccountInput {
  @Field({ description: 'The token of the activation link (`/activate/<token>`)' })
  token!: string;

  @Field({ description: 'The new password: 10–200 characters, at least 5 different ones, not only digits' })
  @TextKindOf('secret')
  password!: string;
}
