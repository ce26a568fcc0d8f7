import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { UserRole } from '../../../tenancy/user-role.enum.js';
import { TextKindOf } from '../../../common/validation/text-kind-of.js';

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,79}$/, { message: 'login: 3-80 lower-case letters, digits, . _ -' })
  login!: string;

  @Field()
  @Length(1, 100)
  displayName!: string;

  @Field()
  @TextKindOf('secret')
  @Length(10, 200, { message: 'password: at least 10 characters' })
  password!: string;

  @Field(() => UserRole)
  role!: UserRole;

  @Field(() => ID, { nullable: true, description: 'Required for township roles, absent for county roles' })
  @IsOptional()
  townshipId?: string | null;
}
