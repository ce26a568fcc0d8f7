import { Field, ID, InputType } from 'type-graphql';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class CongressSessionFilter extends TenantFilter {
  @Field(() => ID, { nullable: true })
  termId?: string | null;
}
