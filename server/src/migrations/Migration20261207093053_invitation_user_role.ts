import { Migration } from '@mikro-orm/migrations';

/**
 * `account_invitation.user_role`: the invited user's role on the invitation (issue #20). One server's
 * policies keep their `exists (select 1 from app_user …)`; a Citus cluster cannot run a subquery in a
 * policy, and its form (citus/citus-policies.ts) reads this column to let a township clerk invite and see
 * its deputies' invitations exactly as on one server.
 *
 * The column is never the writer's word: a trigger sets it on every insert, and on every update of the
 * user, county or role, from the `app_user` row the writer itself can see (security invoker: null when it
 * sees none, which no policy's clerk branch accepts). On a cluster the trigger runs on the invitation's
 * shard and reads the co-located `app_user` shard in the same transaction.
 */
export class Migration20261207093053_invitation_user_role extends Migration {
  override name = 'Migration20261207093053_invitation_user_role';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account_invitation" add column "user_role" text null;`);
    this.addSql(`update "account_invitation" i set "user_role" = u."role" from "app_user" u where u."county_id" = i."county_id" and u."id" = i."user_id";`);
    this.addSql(`create function renda_invitation_user_role() returns trigger
      language plpgsql security invoker set search_path = pg_catalog, public as $fn$
    begin
      new.user_role := (select u.role from public.app_user u where u.county_id = new.county_id and u.id = new.user_id);
      return new;
    end $fn$;`);
    this.addSql(`create trigger "account_invitation_user_role" before insert or update of "user_id", "county_id", "user_role" on "account_invitation" for each row execute function renda_invitation_user_role();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "account_invitation_user_role" on "account_invitation";`);
    this.addSql(`drop function renda_invitation_user_role();`);
    this.addSql(`alter table "account_invitation" drop column "user_role";`);
  }
}
