import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Station } from '../station/station.entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { VoterContactKind } from './voter-contact-kind.enum.js';

/** A voter's visit (来访) or letter (来信) and whether it was answered. */
@ObjectType({ description: '群众来访、来信' })
@Entity({ tableName: 'voter_contact' })
@Index({ properties: ['township', 'receivedOn', 'id'] })
// Recorded counts scope by county (see recorded-metric-sql.ts).
@Index({ properties: ['county', 'receivedOn'] })
export class VoterContact extends TenantEntity {
  @Field(() => VoterContactKind)
  @Enum({ items: () => VoterContactKind })
  kind!: VoterContactKind;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  receivedOn!: string;

  @ManyToOne(() => Station, { ref: true, nullable: true, deleteRule: 'set null' })
  station: Ref<Station> | null = null;

  @ManyToOne(() => Deputy, { ref: true, nullable: true, deleteRule: 'set null' })
  deputy: Ref<Deputy> | null = null;

  @Field()
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field()
  @Property({ type: 'boolean', default: false })
  replied: boolean = false;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  repliedOn: string | null = null;

  @Field(() => ID, { nullable: true })
  get stationId(): string | null {
    return this.station?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get deputyId(): string | null {
    return this.deputy?.id ?? null;
  }
}
