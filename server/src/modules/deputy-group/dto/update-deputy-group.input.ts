import { Field, InputType } from 'type-graphql';
import { NotNullWhenGiven } from '../../../common/validation/not-null-when-given.js';
import { SingleLineText } from '../../../common/validation/single-line-text.js';

@InputType({ description: '修改代表小组 / Omitted fields keep their value' })
export class UpdateDeputyGroupInput {
  @Field(() => String, { nullable: true })
  @NotNullWhenGiven()
  @SingleLineText(100)
  name?: string;
}
