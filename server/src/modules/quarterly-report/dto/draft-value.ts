import { Field, Float, ObjectType } from 'type-graphql';
import { MetricGroup } from '../../metric/metric-group.enum.js';
import { MetricKind } from '../../metric/metric-kind.enum.js';

/** One line of the quarterly form: the figure counted from records, how, and what is reported now. */
@ObjectType()
export class DraftValue {
  @Field()
  metricKey!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field()
  unit!: string;

  @Field(() => MetricKind)
  kind!: MetricKind;

  @Field(() => MetricGroup, { description: 'The form section; values come ordered by section, then by catalog order' })
  group!: MetricGroup;

  @Field(() => Float, { nullable: true, description: 'Counted from the township’s records; null when not countable' })
  recordedValue!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;

  @Field({ description: '统计口径 / How the recorded value was counted' })
  derivationZh!: string;

  @Field()
  derivationEn!: string;

  @Field(() => Float, { nullable: true, description: 'The value of the current submission, or the recorded value' })
  reportedValue!: number | null;

  @Field(() => String, { nullable: true })
  overrideReason!: string | null;
}
