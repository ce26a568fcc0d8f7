import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ComparedTownship } from './compared-township.type.js';
import { ReportingStatusCell } from './reporting-status-cell.type.js';

@ObjectType({ description: '季度报送情况：乡镇 × 季度 / Reporting status board' })
export class ReportingStatusBoard {
  @Field(() => Int)
  year!: number;

  @Field(() => [ComparedTownship])
  townships!: ComparedTownship[];

  @Field(() => [ReportingStatusCell])
  cells!: ReportingStatusCell[];

  @Field(() => Int, { description: 'Township-quarters whose deadline has passed' })
  due!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Due township-quarters with a submission (returned ones included), in %; null when none is due',
  })
  reportingRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Due township-quarters submitted on time, in %; null when none is due',
  })
  onTimeRate!: number | null;
}
