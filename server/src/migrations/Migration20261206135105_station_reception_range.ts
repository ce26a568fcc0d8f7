import { Migration } from '@mikro-orm/migrations';

/** A station's reception may be staffed by a range of deputies ("1—3名"): the fewest, beside the most. */
export class Migration20261206135105_station_reception_range extends Migration {

  override name = 'Migration20261206135105_station_reception_range';

  override up(): void | Promise<void> {
    this.addSql(`alter table "station" add column "deputies_per_reception_min" smallint null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "station" drop column "deputies_per_reception_min";`);
  }

}
