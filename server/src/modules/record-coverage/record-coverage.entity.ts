import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { RecordKind } from './record-kind.enum.js';

/**
 * From when the platform holds every record of one kind for a township (set at onboarding). Records
 * before that date are kept but counted only as a lower bound; see server/README.md, "Which figure counts".
 */
@ObjectType({ description: '记录完整起始日：自该日起平台录有本乡镇此类全部记录' })
@Entity({ tableName: 'record_coverage' })
@Unique({ name: 'record_coverage_township_id_record_kind_unique', properties: ['county', 'township', 'recordKind'] })
// Analytics read a whole county's coverage: an index leading with county_id, as for every source.
@Index({ properties: ['county', 'township'] })
export class RecordCoverage extends TenantEntity {
  @Field(() => RecordKind)
  @Enum({ items: () => RecordKind })
  recordKind!: RecordKind;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  recordedSince!: string;
}
