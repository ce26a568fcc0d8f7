import { Migration } from '@mikro-orm/migrations';

/**
 * A township's source report gets its title: printouts cite "群利镇2021年人大工作总结", not "qunli-2021.txt".
 * Databases seeded before this migration get the titles of the five reference reports by file name.
 */
export class Migration20261206192006_source_report_title extends Migration {

  override name = 'Migration20261206192006_source_report_title';

  override up(): void | Promise<void> {
    this.addSql(`alter table "township" add column "source_report_title" varchar(200) null;`);
    this.addSql(`update "township" set "source_report_title" = v.title from (values
      ('qunli-2021.txt', '群利镇2021年人大工作总结'),
      ('simeng-2021.txt', '思蒙镇2021年人大工作总结及2022年工作计划'),
      ('hemao-2021.txt', '鹤毛镇2021年人大工作总结'),
      ('zhenjiang-2021.txt', '镇江镇2021年人大工作报告'),
      ('unnamed-town-term2.txt', '镇第二届人大主席团工作总结')
    ) as v(file, title) where "township"."source_report" = v.file;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "township" drop column "source_report_title";`);
  }

}
