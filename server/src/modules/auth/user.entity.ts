import type { Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { TimestampedEntity } from '../../common/entities/timestamped-entity.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';

/** A person who signs in. Township roles belong to a township; county roles to the county only. */
@ObjectType({ description: '用户' })
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['login'] })
@Unique({ name: 'app_user_deputy_id_unique', properties: ['county', 'deputyId'] })
@Index({ properties: ['county', 'role'] })
@Check({
  name: 'app_user_deputy_role_check',
  expression: "(role = 'DEPUTY') = (deputy_id is not null and township_id is not null)",
})
export class User extends TimestampedEntity {
  @Field()
  @Property({ type: 'string', length: 80 })
  login!: string;

  @Field()
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  /** argon2id hash; never a GraphQL field, and not readable by the analyst database role. */
  @Property({ type: 'string', length: 200, lazy: true })
  passwordHash!: string;

  @Field(() => UserRole)
  @Enum({ items: () => UserRole })
  role!: UserRole;

  @ManyToOne(() => County, { ref: true, deleteRule: 'restrict' })
  county!: Ref<County>;

  @ManyToOne(() => Township, { ref: true, nullable: true, deleteRule: 'restrict' })
  township: Ref<Township> | null = null;

  /**
   * The deputy a DEPUTY user is (set exactly for that role; same township, checked by a trigger since auth
   * may not reference the deputy module). One user per deputy.
   */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  deputyId: string | null = null;

  @Field()
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /**
   * Stamped into every login token (`ver`) and compared in the statement that applies a request's
   * identity: a trigger bumps it when the password, role, township or active flag changes, and
   * `signOut` bumps it, so every token issued before stops working at once. Never a GraphQL field.
   */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number = 0;

  /** Seeded with a documented demo password: the server refuses to start in production while one is active. */
  @Field()
  @Property({ type: 'boolean', default: false })
  demoCredentials: boolean = false;

  @Field(() => ID)
  get countyId(): string {
    return this.county.id;
  }

  @Field(() => ID, { nullable: true })
  get townshipId(): string | null {
    return this.township?.id ?? null;
  }
}
