import { Migration } from '@mikro-orm/migrations';

/**
 * The quarterly form's sections: each metric names its group and its place in it. The platform catalog's
 * rows get the sections the seed catalog defines (seeds/src/metric-definitions.ts, `metricGroups`); a
 * county's own metrics start in OTHER.
 */
const PLATFORM_GROUPS: Record<string, readonly string[]> = {
  SUPERVISION: [
    'meetings_held',
    'presidium_meetings',
    'government_reports_heard',
    'resolutions_made',
    'livelihood_projects_voted',
    'inspections',
    'research_visits',
    'inspections_and_research_visits',
    'law_enforcement_checks',
    'supervisions',
    'reports_to_party_committee',
  ],
  DEPUTY_ACTIVITIES: [
    'congress_attendance_rate',
    'study_sessions',
    'deputy_group_activities',
    'stations_established',
    'station_activities',
    'legal_outreach',
    'practical_service_activities',
    'information_reports',
    'research_reports',
  ],
  SUGGESTIONS: [
    'suggestions_received',
    'suggestions_replied',
    'suggestions_completed',
    'suggestion_completion_rate',
    'suggestions_solved',
    'suggestion_solved_rate',
    'suggestions_rated',
    'suggestions_satisfied',
    'satisfaction_rate',
  ],
  VOTER_CONTACT: [
    'voter_receptions',
    'voter_contacts',
    'opinions_collected',
    'visitors_received',
    'letters_received',
    'letters_answered',
    'letter_reply_rate',
    'deputies_reported_to_voters',
    'county_deputies_reported_to_voters',
    'township_deputies_reported_to_voters',
  ],
  ELECTIONS: [
    'registered_voters',
    'voters_voted',
    'election_turnout',
    'county_deputies_elected',
    'township_deputies_elected',
    'county_deputies_by_elected',
    'township_deputies_by_elected',
  ],
};

/** Places the platform catalog's rows (no county) in their sections; rows already placed stay the same. */
export function placePlatformMetricsSql(): string {
  const rows = Object.entries(PLATFORM_GROUPS).flatMap(([group, keys]) =>
    keys.map((key, position) => `('${key}', '${group}', ${position})`),
  );
  return `update "metric_definition" m set "metric_group" = g.grp, "group_position" = g.pos
      from (values ${rows.join(', ')}) as g(key, grp, pos) where m."county_id" is null and m."key" = g.key;`;
}

export class Migration20261206192041_metric_groups extends Migration {

  override name = 'Migration20261206192041_metric_groups';

  override up(): void | Promise<void> {
    this.addSql(`alter table "metric_definition" add column "metric_group" text not null default 'OTHER', add column "group_position" smallint not null default 0;`);
    this.addSql(`alter table "metric_definition" add constraint "metric_definition_metric_group_check" check ("metric_group" in ('SUPERVISION', 'DEPUTY_ACTIVITIES', 'SUGGESTIONS', 'VOTER_CONTACT', 'ELECTIONS', 'OTHER'));`);
    this.addSql(placePlatformMetricsSql());
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "metric_definition" drop constraint "metric_definition_metric_group_check";`);
    this.addSql(`alter table "metric_definition" drop column "metric_group", drop column "group_position";`);
  }

}
