import type { Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { User } from './user.entity.js';

/**
 * A one-time link with which a user sets their password (`activateAccount`). Only the SHA-256 of the
 * token is stored; it works once, until `expiresAt`, and a newer invitation of the same user revokes it.
 * Not a GraphQL type: the raw token is shown once, to whoever issued it.
 */
@Entity({ tableName: 'account_invitation' })
@Unique({ name: 'account_invitation_token_hash_unique', properties: ['county', 'tokenHash'] })
@Index({ properties: ['user'] })
export class AccountInvitation extends TimestampedEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The user's county and township, copied so row-level security and the shard key need no join. */
  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @ManyToOne(() => Township, { ref: true, nullable: true, deleteRule: 'restrict' })
  township: Ref<Township> | null = null;

  /**
   * The invited user's role, set by a trigger from the `app_user` row the writer can see (migration
   * invitation_user_role): a Citus cluster's policy cannot query `app_user`, so it reads this instead.
   */
  @Property({ type: 'text', nullable: true })
  userRole: string | null = null;

  /** SHA-256 (hex) of the token. */
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** The user who issued it; null when an operator did (`renda admin invite`). */
  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;
}
