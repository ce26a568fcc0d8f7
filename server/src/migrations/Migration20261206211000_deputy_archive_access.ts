import { Migration } from '@mikro-orm/migrations';

/**
 * A deputy reads its own archive and points (issue #17): besides what Migration20261206192034_deputy_role
 * opens (its own row, activities, suggestions), the rows the archive is computed from — its reports to
 * voters (述职评议), the voter contacts it received, and its township's record coverage (so a period
 * without records shows 未录入 for it as for the clerk). Nothing of another deputy.
 */
export class Migration20261206211000_deputy_archive_access extends Migration {
  override name = 'Migration20261206211000_deputy_archive_access';

  override up(): void | Promise<void> {
    const deputyRead = (table: string, using: string) =>
      this.addSql(
        `create policy "${table}_deputy_read" on "${table}" for select using ((select renda_role()) = 'DEPUTY' and county_id = (select renda_county()) and ${using});`,
      );
    deputyRead('deputy_report', `deputy_id = (select renda_deputy())`);
    deputyRead('voter_contact', `deputy_id = (select renda_deputy())`);
    deputyRead('record_coverage', `township_id = (select township_id from renda_deputy_row())`);
  }

  override down(): void | Promise<void> {
    for (const table of ['deputy_report', 'voter_contact', 'record_coverage'])
      this.addSql(`drop policy if exists "${table}_deputy_read" on "${table}";`);
  }
}
