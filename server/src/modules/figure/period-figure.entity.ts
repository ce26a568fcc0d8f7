import type { Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Term } from '../term/term.entity.js';
import { FigurePeriodKind } from './figure-period-kind.enum.js';

/**
 * A figure a township reported for a whole year or a whole term (annual work reports give totals,
 * not quarters). `value` null means mentioned but unknown (e.g. "X项"), never zero.
 */
@ObjectType({ description: '年度或整届统计数字' })
@Entity({ tableName: 'period_figure' })
@Index({ properties: ['township', 'metricKey', 'year'] })
@Check({
  name: 'period_figure_period_check',
  expression: "(period_kind = 'YEAR' and year is not null) or (period_kind = 'TERM' and term_id is not null)",
})
export class PeriodFigure extends TenantEntity {
  @Field()
  @Property({ type: 'string', length: 80 })
  metricKey!: string;

  @Field(() => FigurePeriodKind)
  @Enum({ items: () => FigurePeriodKind })
  periodKind!: FigurePeriodKind;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  year: number | null = null;

  @ManyToOne(() => Term, { ref: true, nullable: true, deleteRule: 'restrict' })
  term: Ref<Term> | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Field(() => FigureQualifier)
  @Enum({ items: () => FigureQualifier, default: FigureQualifier.EXACT })
  qualifier: FigureQualifier = FigureQualifier.EXACT;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => ID, { nullable: true })
  get termId(): string | null {
    return this.term?.id ?? null;
  }
}
