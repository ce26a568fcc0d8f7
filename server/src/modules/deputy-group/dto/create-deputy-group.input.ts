import { Field, InputType } from 'type-graphql';
import { SingleLineText } from '../../../common/validation/single-line-text.js';

@InputType({ description: '新增代表小组' })
export class CreateDeputyGroupInput {
  @Field({ description: '1-100 characters, unique in the township' })
  @SingleLineText(100)
  name!: string;
}
