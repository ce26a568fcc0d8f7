import { Field, Float, ObjectType } from 'type-graphql';
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
}
