import { Field, Int, ObjectType } from 'type-graphql';

// Plain data: graphql-js's default resolver, no per-field middleware chain.
@ObjectType({ simpleResolvers: true, description: '页面默认期间 / The periods the dashboard opens on' })
export class LandingPeriods {
  @Field(() => Int, {
    nullable: true,
    description:
      'Latest year with reported data (a reported annual figure or a submitted quarterly report); null when there is none',
  })
  overviewYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The quarter of overviewYear to open on: its latest submitted quarter, or null for the whole year ' +
      '(the year has reported annual figures, or its fourth quarter is submitted)',
  })
  overviewQuarter!: number | null;

  @Field(() => Int, { description: 'The clerk’s current reporting period: the year of the latest ended quarter' })
  reportingYear!: number;

  @Field(() => Int, { description: 'The latest ended quarter (China time): the one now due' })
  reportingQuarter!: number;
}
