import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Where a login lives: login → county and user (login-directory.ts). Logins are unique across the
 * platform, since signing in names no county; on a Citus cluster `app_user` is distributed by county and
 * cannot hold that unique index, so this table, local to the coordinator, holds it instead, and sign-in
 * reads it to find the county before any read of `app_user`. No role but the owner reads or writes it:
 * the application calls the security-definer functions `renda_register_login` and `renda_login_county`.
 */
@Entity({ tableName: 'login_directory' })
export class LoginDirectoryEntry {
  @PrimaryKey({ type: 'string', length: 80 })
  login!: string;

  @Property({ type: 'uuid' })
  countyId!: string;

  @Property({ type: 'uuid' })
  userId!: string;
}
