import { Field, InputType } from 'type-graphql';
import { VoterContactKind } from '../voter-contact-kind.enum.js';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class VoterContactFilter extends TenantFilter {
  @Field(() => VoterContactKind, { nullable: true })
  kind?: VoterContactKind | null;

  @Field(() => Boolean, { nullable: true })
  replied?: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  to?: string | null;
}
