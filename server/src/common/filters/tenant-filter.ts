import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import type { SqlWhere } from '../sql/sql-where.js';

/** Filters every township-owned list accepts; domain filters extend it. */
@InputType()
export class TenantFilter {
  @Field(() => ID, { nullable: true })
  townshipId?: string | null;

  @Field(() => [ID], { nullable: true })
  townshipIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  countyId?: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Rows changed at or after this instant (incremental sync)',
  })
  updatedSince?: Date | null;
}

export function applyTenantFilter(where: SqlWhere, filter: TenantFilter): void {
  where.eq('township_id', filter.townshipId ?? undefined);
  where.in('township_id', filter.townshipIds ?? undefined);
  where.eq('county_id', filter.countyId ?? undefined);
  where.gte('updated_at', filter.updatedSince ?? undefined);
}
