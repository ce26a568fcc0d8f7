import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @Length(1, 80)
  login!: string;

  @Field()
  @Length(1, 200)
  password!: string;
}
