import { Check, Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { ElectionKind } from './election-kind.enum.js';
import { DatePrecision } from '../../common/enums/date-precision.enum.js';

/** A general election (换届选举) or by-election (补选) held in the township. Unknown counts are null. */
@ObjectType({ description: '选举' })
@Entity({ tableName: 'election' })
@Index({ properties: ['township', 'heldOn'] })
// Recorded counts scope by county (see recorded-metric-sql.ts).
@Index({ properties: ['county', 'heldOn'] })
@Check({
  name: 'election_turnout_check',
  expression: 'voters_voted is null or registered_voters is null or voters_voted <= registered_voters',
})
export class Election extends TenantEntity {
  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => DatePrecision, { description: 'YEAR when only the year is known (the date is then January 1st)' })
  @Enum({ items: () => DatePrecision, default: DatePrecision.DAY })
  datePrecision: DatePrecision = DatePrecision.DAY;

  @Field(() => ElectionKind)
  @Enum({ items: () => ElectionKind })
  kind!: ElectionKind;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  registeredVoters: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  votersVoted: number | null = null;

  @Field(() => Int, { nullable: true, description: 'County- or city-level deputies elected' })
  @Property({ type: 'integer', nullable: true })
  countyDeputiesElected: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  townshipDeputiesElected: number | null = null;
}
