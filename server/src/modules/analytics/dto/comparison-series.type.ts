import { Field, Float, Int, ObjectType } from 'type-graphql';

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
}
