import { Migration } from '@mikro-orm/migrations';

/**
 * Optional references cleared by a trigger instead of `on delete set null (col)` (issue #20). Citus
 * refuses SET NULL and SET DEFAULT actions on a foreign key that includes the distribution column, and
 * every reference between tenant tables goes through `(county_id, township_id, …)` since the shard keys.
 * The guarantee stays: deleting a deputy group, station, session, deputy or activity leaves the rows that
 * pointed at it with a null reference (that column only), in the deleting statement's transaction.
 *
 * - The foreign keys become plain (`no action`): PostgreSQL checks at the end of the deleting statement
 *   that nothing references the deleted row, so nothing can dangle even if a clearing trigger were missing
 *   or disabled; the delete is refused instead (23503).
 * - A `before delete` row trigger per reference on the parent nulls the children's column first
 *   (`renda_clear_references(child, column)`). A before-row trigger runs after the parent row is locked, so
 *   a child inserted concurrently (its foreign key check holds a key-share lock on the parent) has committed
 *   before the update looks for children, and is cleared too.
 * - Security definer, owned by the owner role: like the referential action it replaces, it clears every
 *   child whatever row-level security shows the deleting role. The children's own triggers (audit, data
 *   version) fire on the update as they did on the referential action's.
 * - On Citus the trigger runs on the parent's shard and updates the co-located shard of the child (same
 *   county, so same shard group); distributing needs `citus.enable_unsafe_triggers`, like the audit trigger.
 */

/** [child table, its column, the parent it references] of every optional reference. */
const REFERENCES: [string, string, string][] = [
  ['deputy', 'group_id', 'deputy_group'],
  ['deputy', 'station_id', 'station'],
  ['suggestion', 'session_id', 'congress_session'],
  ['activity', 'group_id', 'deputy_group'],
  ['activity', 'session_id', 'congress_session'],
  ['activity', 'station_id', 'station'],
  ['voter_contact', 'deputy_id', 'deputy'],
  ['voter_contact', 'station_id', 'station'],
  ['duty_report', 'activity_id', 'activity'],
  ['deputy_report', 'station_id', 'station'],
];

const constraintName = (child: string, column: string) => `${child}_${column}_foreign`;
const triggerName = (child: string, column: string) => `clear_${child}_${column}`;
const addForeignKey = (child: string, column: string, parent: string, onDelete: string) =>
  `alter table "${child}" add constraint "${constraintName(child, column)}" foreign key ("county_id", "township_id", "${column}") references "${parent}" ("county_id", "township_id", "id")${onDelete};`;

export class Migration20261207074911_references_cleared_by_trigger extends Migration {
  override name = 'Migration20261207074911_references_cleared_by_trigger';

  override up(): void | Promise<void> {
    this.addSql(`create function renda_clear_references() returns trigger
      language plpgsql security definer set search_path = pg_catalog, public as $fn$
    begin
      execute format('update public.%I set %I = null where county_id = $1 and township_id = $2 and %I = $3',
                     tg_argv[0], tg_argv[1], tg_argv[1])
        using old.county_id, old.township_id, old.id;
      return old;
    end $fn$;`);
    this.addSql(`revoke all on function renda_clear_references() from public;`);
    for (const [child, column, parent] of REFERENCES) {
      this.addSql(`alter table "${child}" drop constraint "${constraintName(child, column)}";`);
      this.addSql(addForeignKey(child, column, parent, ''));
      this.addSql(
        `create trigger "${triggerName(child, column)}" before delete on "${parent}" for each row execute function renda_clear_references('${child}', '${column}');`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const [child, column, parent] of REFERENCES) {
      this.addSql(`drop trigger "${triggerName(child, column)}" on "${parent}";`);
      this.addSql(`alter table "${child}" drop constraint "${constraintName(child, column)}";`);
      this.addSql(addForeignKey(child, column, parent, ` on delete set null ("${column}")`));
    }
    this.addSql(`drop function renda_clear_references();`);
  }
}
