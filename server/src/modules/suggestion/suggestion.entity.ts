import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { SuggestionKind } from './suggestion-kind.enum.js';
import { SuggestionState } from './suggestion-state.enum.js';
import { OutcomeClass } from './outcome-class.enum.js';
import { Satisfaction } from './satisfaction.enum.js';

/** A deputies' suggestion, opinion or motion (代表建议/意见/议案) and where its handling stands. */
@ObjectType({ description: '代表建议、意见、议案' })
@Entity({ tableName: 'suggestion' })
@Index({ properties: ['township', 'submittedOn', 'id'] })
@Index({ properties: ['county', 'state'] })
export class Suggestion extends TenantEntity {
  @ManyToOne(() => CongressSession, { ref: true, nullable: true, deleteRule: 'set null' })
  session: Ref<CongressSession> | null = null;

  @Field(() => SuggestionKind)
  @Enum({ items: () => SuggestionKind, default: SuggestionKind.SUGGESTION })
  kind: SuggestionKind = SuggestionKind.SUGGESTION;

  @Field()
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  category: string | null = null;

  @Field(() => String, { nullable: true, description: '承办单位' })
  @Property({ type: 'string', length: 200, nullable: true })
  handlingUnit: string | null = null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  submittedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  assignedOn: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Reply deadline' })
  @Property({ type: 'date', nullable: true })
  deadline: string | null = null;

  @Field(() => SuggestionState)
  @Enum({ items: () => SuggestionState, default: SuggestionState.SUBMITTED })
  state: SuggestionState = SuggestionState.SUBMITTED;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  repliedOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reply: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Field(() => OutcomeClass, { nullable: true })
  @Enum({ items: () => OutcomeClass, nullable: true })
  outcomeClass: OutcomeClass | null = null;

  @Field(() => Satisfaction, { nullable: true })
  @Enum({ items: () => Satisfaction, nullable: true })
  satisfaction: Satisfaction | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was returned (退回理由)' })
  @Property({ type: 'text', nullable: true })
  returnReason: string | null = null;

  @Field(() => ID, { nullable: true })
  get sessionId(): string | null {
    return this.session?.id ?? null;
  }
}
