import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { User } from '../../auth/user.entity.js';

@ObjectType({ description: '代表账号邀请 / A deputy’s new account and its one-time activation link' })
export class DeputyInvitation {
  @Field(() => User)
  user!: User;

  @Field({
    description:
      'The activation link’s path (`/activate/<token>`), shown once: the dashboard prefixes its own address (the server does not know the public one)',
  })
  activationPath!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;
}
