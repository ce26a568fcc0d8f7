import { Field, ObjectType } from 'type-graphql';
import { QuarterlyReport } from '../quarterly-report.entity.js';
import { QuarterlyReportRevision } from '../quarterly-report-revision.entity.js';

@ObjectType()
export class SubmitQuarterlyReportPayload {
  @Field(() => QuarterlyReport)
  report!: QuarterlyReport;

  @Field(() => QuarterlyReportRevision)
  revision!: QuarterlyReportRevision;

  @Field({ description: 'true when this answers a replayed idempotency key; nothing new was stored' })
  replayed!: boolean;
}
