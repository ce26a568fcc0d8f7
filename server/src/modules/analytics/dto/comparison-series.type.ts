import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FigureQualifier } from '../../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../../common/enums/provenance.enum.js';
import { UnknownReason } from '../unknown-reason.enum.js';

/**
 * One metric in one period across the compared townships, as arrays aligned with
 * `TownshipComparison.townships`: what a chart plots. A 40-township, 8-quarter, 12-metric comparison
 * is 96 of these instead of 3,840 cells (about a tenth of the response and of the work to produce it).
 */
// Plain data: graphql-js's default resolver, no per-field middleware chain.
@ObjectType({ description: '某指标某统计期各乡镇的值（与 townships 顺序一致）', simpleResolvers: true })
export class ComparisonSeries {
  @Field(() => Int, { description: 'Index into TownshipComparison.periods' })
  periodIndex!: number;

  @Field()
  metricKey!: string;

  @Field(() => [Float], { nullable: 'items', description: 'Per township; null: unknown (never shown as 0)' })
  values!: (number | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'Per township; 1 is best in the metric’s direction' })
  ranks!: (number | null)[];

  @Field(() => [Boolean], { description: 'Per township: a rate resting on fewer than 5 cases' })
  smallSample!: boolean[];

  @Field(() => [Provenance], { nullable: 'items', description: 'Per township; null when unknown' })
  provenances!: (Provenance | null)[];

  @Field(() => [FigureQualifier], { description: 'Per township' })
  qualifiers!: FigureQualifier[];

  @Field(() => [UnknownReason], { nullable: 'items', description: 'Per township: why unknown; null when known' })
  unknownReasons!: (UnknownReason | null)[];

  @Field(() => [Boolean], { description: 'Per township: 进行中, counted from the records so far' })
  provisional!: boolean[];

  @Field(() => [Boolean], { description: 'Per township: the rank compares at least one SYNTHETIC value' })
  rankSynthetic!: boolean[];

  @Field(() => Float, { nullable: true, description: 'County median of the known values; null when fewer than 3' })
  median!: number | null;

  @Field(() => Int, { description: 'How many known values the median used' })
  medianBasis!: number;

  @Field(() => Provenance, { nullable: true, description: 'SYNTHETIC when any value the median used is' })
  medianProvenance!: Provenance | null;
}
