import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { User } from '../user.entity.js';

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
