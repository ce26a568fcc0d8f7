import type { Ref } from '@mikro-orm/core';
import { Enum, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Provenance } from '../common/enums/provenance.enum.js';
import { TimestampedEntity } from '../common/entities/timestamped-entity.js';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';

/**
 * Every township-owned row carries both its township and its county: row-level security filters on
 * them without joins, and a county is the natural shard key when the platform outgrows one database.
 */
@ObjectType()
export abstract class TenantEntity extends TimestampedEntity {
  @ManyToOne(() => Township, { ref: true, deleteRule: 'restrict' })
  township!: Ref<Township>;

  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field(() => Provenance)
  @Enum({ items: () => Provenance, default: Provenance.RECORDED })
  provenance: Provenance = Provenance.RECORDED;

  @Field(() => ID)
  get townshipId(): string {
    return this.township.id;
  }

  @Field(() => ID)
  get countyId(): string {
    return this.county.id;
  }
}
