import { Field, ObjectType } from 'type-graphql';
import { ApiToken } from '../api-token.entity.js';

@ObjectType()
export class CreateApiTokenPayload {
  @Field({
    description: '令牌明文，仅此一次显示 / The secret, shown this once only: send as `Authorization: Bearer …`',
  })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
