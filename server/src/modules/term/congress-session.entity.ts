import type { Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Term } from './term.entity.js';

/** A session (人代会第N次会议) of a term. */
@ObjectType({ description: '人民代表大会会议' })
@Entity({ tableName: 'congress_session' })
@Unique({ name: 'congress_session_term_id_session_number_unique', properties: ['county', 'term', 'sessionNumber'] })
@Index({ properties: ['township', 'startsOn'] })
export class CongressSession extends TenantEntity {
  @ManyToOne(() => Term, { ref: true, deleteRule: 'restrict' })
  term!: Ref<Term>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sessionNumber!: number;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startsOn: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => ID)
  get termId(): string {
    return this.term.id;
  }
}
