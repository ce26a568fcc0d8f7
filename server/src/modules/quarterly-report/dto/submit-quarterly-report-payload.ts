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

  @Field({
    description:
      'true when the values equal the latest revision of a submitted or accepted report: nothing was stored, ' +
      'and `revision` is that latest revision',
  })
  unchanged!: boolean;
}
