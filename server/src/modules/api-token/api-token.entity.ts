import type { Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { ApiTokenOperation } from './api-token-operation.enum.js';

/**
 * A township system's credential for scripted submissions: acts as that township's clerk, for the named
 * operations only. The secret is shown once at creation; only its SHA-256 is stored.
 */
@ObjectType({ description: 'API 令牌 / A township system’s token for scripted submissions' })
@Entity({ tableName: 'api_token' })
@Unique({ name: 'api_token_token_hash_unique', properties: ['county', 'tokenHash'] })
@Index({ properties: ['county', 'township'] })
export class ApiToken extends TimestampedEntity {
  @ManyToOne(() => Township, { ref: true, deleteRule: 'restrict' })
  township!: Ref<Township>;

  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @Field({ description: '用途说明 / What the token is for' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  /** SHA-256 (hex) of the secret; never a GraphQL field. */
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Field(() => [ApiTokenOperation])
  @Property({ type: 'text[]' })
  operations!: ApiTokenOperation[];

  @Field(() => ID, { description: 'The user who created it' })
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => ID)
  get townshipId(): string {
    return this.township.id;
  }
}
