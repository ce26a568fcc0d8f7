import { Field, InputType, Int } from 'type-graphql';
import { FigurePeriodKind } from '../figure-period-kind.enum.js';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class PeriodFigureFilter extends TenantFilter {
  @Field(() => String, { nullable: true })
  metricKey?: string | null;

  @Field(() => FigurePeriodKind, { nullable: true })
  periodKind?: FigurePeriodKind | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
