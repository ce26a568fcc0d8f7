import type { Ref } from '@mikro-orm/core';
import { Enum, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { Provenance } from '../common/enums/provenance.enum.js';
import { TimestampedEntity } from '../common/entities/timestamped-entity.js';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';

/**
 * How a tenant row references its township and county (TenantEntity, TenancyImpliedByParent): a new object
 * for each decorator, which keeps the options it is given.
 */
const tenantRelation = (createForeignKeyConstraint = true) =>
  ({ ref: true, deleteRule: 'restrict', createForeignKeyConstraint }) as const;

/**
 * Every township-owned row carries both its township and its county: row-level security filters on
 * them without joins, and a county is the natural shard key when the platform outgrows one database.
 */
@ObjectType()
export abstract class TenantEntity extends TimestampedEntity {
  @ManyToOne(() => Township, tenantRelation())
  township!: Ref<Township>;

  @ManyToOne(() => County, tenantRelation())
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

/**
 * For an entity whose parent relation already carries its tenancy: the parent's key pairs the same county
 * and township (`(county_id, township_id, report_id)` → `quarterly_report (county_id, township_id, id)`, migration
 * shard_keys), and the parent row references its township and county itself. The entity's own foreign keys
 * to township and county would then check again, for every row written, what that one key already
 * guarantees; without them a quarterly submission's ~21 value rows make 21 key checks instead of 63
 * (migration implied_tenant_keys). The relations stay as they are for the ORM and GraphQL.
 */
export function TenancyImpliedByParent(): ClassDecorator {
  return (target) => {
    ManyToOne(() => Township, tenantRelation(false))(target.prototype as object, 'township');
    ManyToOne(() => County, tenantRelation(false))(target.prototype as object, 'county');
  };
}
