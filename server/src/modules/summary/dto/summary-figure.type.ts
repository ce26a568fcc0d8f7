import { Field, Float, ObjectType } from 'type-graphql';
import { UnknownReason } from '../../analytics/unknown-reason.enum.js';
import { Provenance } from '../../../common/enums/provenance.enum.js';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';

@ObjectType()
export class SummaryFigure {
  @Field()
  metricKey!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field()
  unit!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;

  @Field(() => Provenance, { nullable: true })
  provenance!: Provenance | null;

  @Field(() => FigureQualifier)
  qualifier!: FigureQualifier;

  @Field(() => UnknownReason, { nullable: true, description: 'Why the value is unknown; null when it is known' })
  unknownReason!: UnknownReason | null;

  @Field(() => Float, { nullable: true, description: 'Share (0–1) of generated rows or figures behind the value' })
  syntheticShare!: number | null;
}
