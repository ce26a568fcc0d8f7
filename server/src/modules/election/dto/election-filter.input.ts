import { Field, InputType } from 'type-graphql';
import { ElectionKind } from '../election-kind.enum.js';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class ElectionFilter extends TenantFilter {
  @Field(() => ElectionKind, { nullable: true })
  kind?: ElectionKind | null;

  @Field(() => LocalDateResolver, { nullable: true })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  to?: string | null;
}
