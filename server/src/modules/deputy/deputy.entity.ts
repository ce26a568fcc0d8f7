import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Term } from '../term/term.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { Gender } from './gender.enum.js';
import { DeputyLevel } from './deputy-level.enum.js';
import { DeputyStatus } from './deputy-status.enum.js';
import { OccupationCategory } from './occupation-category.enum.js';
import { PartyAffiliation } from './party-affiliation.enum.js';

/** A deputy (人大代表) elected in or serving a township. */
@ObjectType({ description: '人大代表' })
@Entity({ tableName: 'deputy' })
@Index({ properties: ['township', 'name', 'id'] })
@Index({ properties: ['station'] })
@Index({ properties: ['group'] })
@Index({ properties: ['term'] })
export class Deputy extends TenantEntity {
  @ManyToOne(() => Term, { ref: true, deleteRule: 'restrict' })
  term!: Ref<Term>;

  @ManyToOne(() => DeputyGroup, { ref: true, nullable: true, deleteRule: 'set null' })
  group: Ref<DeputyGroup> | null = null;

  @ManyToOne(() => Station, { ref: true, nullable: true, deleteRule: 'set null' })
  station: Ref<Station> | null = null;

  @Field()
  @Property({ type: 'string', length: 50 })
  name!: string;

  @Field(() => Gender)
  @Enum({ items: () => Gender })
  gender!: Gender;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  birthYear: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  ethnicity: string | null = null;

  @Field(() => PartyAffiliation, { nullable: true })
  @Enum({ items: () => PartyAffiliation, nullable: true })
  party: PartyAffiliation | null = null;

  @Field(() => OccupationCategory, { nullable: true })
  @Enum({ items: () => OccupationCategory, nullable: true })
  occupationCategory: OccupationCategory | null = null;

  @Field(() => DeputyLevel)
  @Enum({ items: () => DeputyLevel })
  level!: DeputyLevel;

  @Field(() => DeputyStatus)
  @Enum({ items: () => DeputyStatus, default: DeputyStatus.ACTIVE })
  status: DeputyStatus = DeputyStatus.ACTIVE;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  electedOn: string | null = null;

  @Field()
  @Property({ type: 'boolean', default: false })
  byElection: boolean = false;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the status last changed (resignation, removal, death)',
  })
  @Property({ type: 'date', nullable: true })
  statusChangedOn: string | null = null;

  /**
   * PII. Lazy, so ordinary reads never select it: the analysts' database role has no privilege on this
   * column, and the GraphQL field `contactPhone` is authorised for the other roles only.
   */
  @Property({ type: 'string', length: 30, nullable: true, lazy: true })
  phone: string | null = null;

  @Field(() => ID)
  get termId(): string {
    return this.term.id;
  }

  @Field(() => ID, { nullable: true })
  get groupId(): string | null {
    return this.group?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get stationId(): string | null {
    return this.station?.id ?? null;
  }
}
