import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { TextKindOf } from '../../../common/validation/text-kind-of.js';

@InputType({ description: '邀请代表开通账号 / Open a deputy’s own account' })
export class InviteDeputyInput {
  @Field(() => ID)
  deputyId!: string;

  @Field({ description: 'The login the deputy will sign in with' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,79}$/, { message: 'username: 3-80 lower-case letters, digits, . _ -' })
  username!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A first password the clerk hands over (the deputy changes it later); without it the account cannot sign in yet',
  })
  @IsOptional()
  @TextKindOf('secret')
  @Length(10, 200, { message: 'initialPassword: at least 10 characters' })
  initialPassword?: string | null;
}
