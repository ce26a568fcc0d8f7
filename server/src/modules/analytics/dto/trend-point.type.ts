import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UnknownReason } from '../unknown-reason.enum.js';
import { Provenance } from '../../../common/enums/provenance.enum.js';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';
import { Period } from './period.type.js';

@ObjectType()
export class TrendPoint {
  @Field(() => Period)
  period!: Period;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;

  @Field(() => Provenance, { nullable: true })
  provenance!: Provenance | null;

  @Field(() => FigureQualifier, { description: 'AT_LEAST for a county total that misses some townships’ figures' })
  qualifier!: FigureQualifier;

  @Field(() => Float, { nullable: true, description: 'Change against the same period a year earlier, in %' })
  yearOverYearChange!: number | null;

  @Field(() => UnknownReason, { nullable: true, description: 'Why the value is unknown; null when it is known' })
  unknownReason!: UnknownReason | null;

  @Field({ description: '进行中: the current, unfinished period, counted from the records so far' })
  provisional!: boolean;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of generated rows or figures behind the value' })
  syntheticShare!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'County totals: how many townships’ values are known (null for one township)',
  })
  basis!: number | null;
}
