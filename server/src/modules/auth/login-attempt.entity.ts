import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One login attempt, kept in the database (not in process memory) so the rate limit holds across
 * server replicas. Old rows are pruned on write.
 */
@Entity({ tableName: 'login_attempt' })
@Index({ properties: ['login', 'attemptedAt'] })
@Index({ properties: ['address', 'attemptedAt'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 80 })
  login!: string;

  @Property({ type: 'string', length: 64 })
  address!: string;

  @Property({ type: 'boolean' })
  succeeded!: boolean;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  attemptedAt: Date = new Date();
}
