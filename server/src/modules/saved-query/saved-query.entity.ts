import type { Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';

/** An analyst's query, shared with the county's other readers; only its owner changes it. */
@ObjectType({ description: '保存的查询 / A saved query shared within the county' })
@Entity({ tableName: 'saved_query' })
@Unique({ properties: ['county', 'name'] })
export class SavedQuery extends TimestampedEntity {
  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  ownerId!: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field({ description: 'GraphQL text' })
  @Property({ type: 'text' })
  query!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'json', nullable: true })
  variables: Record<string, unknown> | null = null;
}
