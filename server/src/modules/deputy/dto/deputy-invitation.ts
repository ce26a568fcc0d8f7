import { Field, ObjectType } from 'type-graphql';
import { User } from '../../auth/user.entity.js';

@ObjectType({ description: '代表账号邀请 / A deputy’s new account' })
export class DeputyInvitation {
  @Field(() => User)
  user!: User;
}
