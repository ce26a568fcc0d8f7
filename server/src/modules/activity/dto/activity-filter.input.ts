import { Field, ID, InputType } from 'type-graphql';
import { ActivityType } from '../activity-type.enum.js';
import { LocalDateResolver } from 'graphql-scalars';
import { Provenance } from '../../../common/enums/provenance.enum.js';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class ActivityFilter extends TenantFilter {
  @Field(() => [ActivityType], { nullable: true })
  types?: ActivityType[] | null;

  @Field(() => LocalDateResolver, { nullable: true })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  to?: string | null;

  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => Provenance, { nullable: true })
  provenance?: Provenance | null;
}
