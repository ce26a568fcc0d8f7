import { Field, ID, InputType } from 'type-graphql';
import { DeputyLevel } from '../deputy-level.enum.js';
import { DeputyStatus } from '../deputy-status.enum.js';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class DeputyFilter extends TenantFilter {
  @Field(() => DeputyLevel, { nullable: true })
  level?: DeputyLevel | null;

  @Field(() => DeputyStatus, { nullable: true })
  status?: DeputyStatus | null;

  @Field(() => ID, { nullable: true })
  termId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;
}
