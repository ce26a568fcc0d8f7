import { Field, InputType } from 'type-graphql';
import { StationKind } from '../station-kind.enum.js';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class StationFilter extends TenantFilter {
  @Field(() => StationKind, { nullable: true })
  kind?: StationKind | null;
}
