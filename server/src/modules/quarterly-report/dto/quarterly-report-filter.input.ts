import { Field, InputType, Int } from 'type-graphql';
import { ReportState } from '../report-state.enum.js';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class QuarterlyReportFilter extends TenantFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true })
  quarter?: number | null;

  @Field(() => ReportState, { nullable: true })
  state?: ReportState | null;
}
