import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { UnknownReason } from '../unknown-reason.enum.js';
import { Provenance } from '../../../common/enums/provenance.enum.js';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';

// Thousands per comparison, all plain data: graphql-js's default resolver, no per-field middleware chain.
@ObjectType({ description: 'One township × period × metric', simpleResolvers: true })
export class ComparisonCell {
  @Field(() => ID)
  townshipId!: string;

  @Field(() => Int, { description: 'Index into TownshipComparison.periods' })
  periodIndex!: number;

  @Field()
  metricKey!: string;

  @Field(() => Float, { nullable: true, description: 'null: unknown (never shown as 0)' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value before per-deputy normalisation' })
  rawValue!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;

  @Field(() => Provenance, { nullable: true })
  provenance!: Provenance | null;

  @Field(() => FigureQualifier)
  qualifier!: FigureQualifier;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank within the county (1 = best by the metric’s direction); null when unknown',
  })
  rank!: number | null;

  @Field({ description: 'A rate resting on fewer than 5 cases' })
  smallSample!: boolean;

  @Field(() => UnknownReason, { nullable: true, description: 'Why the value is unknown; null when it is known' })
  unknownReason!: UnknownReason | null;

  @Field({ description: '进行中: the current, unfinished period, counted from the records so far' })
  provisional!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of generated rows or figures behind the value; null when unknown',
  })
  syntheticShare!: number | null;

  @Field({ description: 'The rank compares at least one SYNTHETIC value (this township’s or another’s)' })
  rankSynthetic!: boolean;
}
