import { Field, Float, ObjectType } from 'type-graphql';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';

/** A metric as it stood in one revision: counted from records, as reported, and why they differ. */
@ObjectType()
export class RevisionValue {
  @Field()
  metricKey!: string;

  @Field(() => Float, { nullable: true })
  recordedValue!: number | null;

  @Field(() => Float, { nullable: true })
  reportedValue!: number | null;

  @Field(() => FigureQualifier)
  qualifier!: FigureQualifier;

  @Field(() => String, { nullable: true })
  overrideReason!: string | null;
}
