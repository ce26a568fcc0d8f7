import { Field, InputType } from 'type-graphql';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';
import { DutyReportState } from '../duty-report-state.enum.js';

@InputType()
export class DutyReportFilter extends TenantFilter {
  @Field(() => [DutyReportState], { nullable: true })
  states?: DutyReportState[] | null;
}
