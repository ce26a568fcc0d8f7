import { Field, ID, InputType } from 'type-graphql';
import { Matches } from 'class-validator';

@InputType({ description: '邀请代表开通账号 / Open a deputy’s own account' })
export class InviteDeputyInput {
  @Field(() => ID)
  deputyId!: string;

  @Field({ description: 'The login the deputy will sign in with' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,79}$/, { message: 'username: 3-80 lower-case letters, digits, . _ -' })
  username!: string;
}
