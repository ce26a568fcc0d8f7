import { Migration } from '@mikro-orm/migrations';

export class Migration20261125095226_initial extends Migration {

  override name = 'Migration20261125095226_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "county" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(32) not null, "name" varchar(100) not null, "name_en" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "county_updated_at_index" on "county" ("updated_at");`);
    this.addSql(`alter table "county" add constraint "county_code_unique" unique ("code");`);

    this.addSql(`create table "metric_definition" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid null, "key" varchar(80) not null, "name_zh" varchar(100) not null, "name_en" varchar(200) not null, "unit" varchar(20) not null, "kind" text not null, "higher_is_better" boolean not null, "computation" text not null, "numerator_key" varchar(80) null, "denominator_key" varchar(80) null, primary key ("id"));`);
    this.addSql(`create index "metric_definition_updated_at_index" on "metric_definition" ("updated_at");`);
    this.addSql(`alter table "metric_definition" add constraint "metric_definition_key_unique" unique ("key");`);

    this.addSql(`create table "township" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "county_id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "name_en" varchar(200) not null, "source_report" varchar(200) null, "provenance" text not null default 'RECORDED', primary key ("id"));`);
    this.addSql(`create index "township_updated_at_index" on "township" ("updated_at");`);
    this.addSql(`create index "township_county_id_name_index" on "township" ("county_id", "name");`);
    this.addSql(`alter table "township" add constraint "township_county_id_code_unique" unique ("county_id", "code");`);

    this.addSql(`create table "term" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "ordinal" int null, "name" varchar(100) not null, "started_on" date null, "ended_on" date null, primary key ("id"));`);
    this.addSql(`create index "term_updated_at_index" on "term" ("updated_at");`);
    this.addSql(`alter table "term" add constraint "term_township_id_name_unique" unique ("township_id", "name");`);

    this.addSql(`create table "station" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "name" varchar(200) not null, "kind" text not null default 'LIAISON_STATION', "village" varchar(100) null, "address" varchar(300) null, "opened_on" date null, "reception_schedule" varchar(200) null, "schedule_kind" text null, "schedule_day_of_month" smallint null, "schedule_weekday" smallint null, "schedule_week_of_month" smallint null, "deputies_per_reception" smallint null, primary key ("id"));`);
    this.addSql(`create index "station_updated_at_index" on "station" ("updated_at");`);
    this.addSql(`alter table "station" add constraint "station_township_id_name_unique" unique ("township_id", "name");`);

    this.addSql(`create table "quarterly_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "year" smallint not null, "quarter" smallint not null, "state" text not null default 'DRAFT', "version" int not null default 1, "submitted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "quarterly_report_updated_at_index" on "quarterly_report" ("updated_at");`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_township_id_year_quarter_unique" unique ("township_id", "year", "quarter");`);

    this.addSql(`create table "quarterly_report_value" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "report_id" uuid not null, "metric_key" varchar(80) not null, "recorded_value" double precision null, "reported_value" double precision null, "qualifier" text not null default 'EXACT', "override_reason" text null, primary key ("id"));`);
    this.addSql(`create index "quarterly_report_value_updated_at_index" on "quarterly_report_value" ("updated_at");`);
    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_report_id_metric_key_unique" unique ("report_id", "metric_key");`);

    this.addSql(`create table "period_figure" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "metric_key" varchar(80) not null, "period_kind" text not null, "year" smallint null, "term_id" uuid null, "value" double precision null, "qualifier" text not null default 'EXACT', "note" text null, primary key ("id"));`);
    this.addSql(`create index "period_figure_updated_at_index" on "period_figure" ("updated_at");`);
    this.addSql(`create index "period_figure_township_id_metric_key_year_index" on "period_figure" ("township_id", "metric_key", "year");`);

    this.addSql(`create table "election" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "held_on" date not null, "date_precision" text not null default 'DAY', "kind" text not null, "registered_voters" int null, "voters_voted" int null, "county_deputies_elected" int null, "township_deputies_elected" int null, primary key ("id"));`);
    this.addSql(`create index "election_updated_at_index" on "election" ("updated_at");`);
    this.addSql(`create index "election_township_id_held_on_index" on "election" ("township_id", "held_on");`);

    this.addSql(`create table "deputy_group" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "name" varchar(100) not null, primary key ("id"));`);
    this.addSql(`create index "deputy_group_updated_at_index" on "deputy_group" ("updated_at");`);
    this.addSql(`alter table "deputy_group" add constraint "deputy_group_township_id_name_unique" unique ("township_id", "name");`);

    this.addSql(`create table "deputy" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "term_id" uuid not null, "group_id" uuid null, "station_id" uuid null, "name" varchar(50) not null, "gender" text not null, "birth_year" smallint null, "ethnicity" varchar(20) null, "party" text null, "occupation_category" text null, "level" text not null, "status" text not null default 'ACTIVE', "elected_on" date null, "by_election" boolean not null default false, "phone" varchar(30) null, primary key ("id"));`);
    this.addSql(`create index "deputy_updated_at_index" on "deputy" ("updated_at");`);
    this.addSql(`create index "deputy_term_id_index" on "deputy" ("term_id");`);
    this.addSql(`create index "deputy_group_id_index" on "deputy" ("group_id");`);
    this.addSql(`create index "deputy_station_id_index" on "deputy" ("station_id");`);
    this.addSql(`create index "deputy_township_id_name_id_index" on "deputy" ("township_id", "name", "id");`);

    this.addSql(`create table "congress_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "term_id" uuid not null, "session_number" int not null, "name" varchar(200) not null, "starts_on" date null, "ends_on" date null, primary key ("id"));`);
    this.addSql(`create index "congress_session_updated_at_index" on "congress_session" ("updated_at");`);
    this.addSql(`create index "congress_session_township_id_starts_on_index" on "congress_session" ("township_id", "starts_on");`);
    this.addSql(`alter table "congress_session" add constraint "congress_session_term_id_session_number_unique" unique ("term_id", "session_number");`);

    this.addSql(`create table "suggestion" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "session_id" uuid null, "kind" text not null default 'SUGGESTION', "title" varchar(300) not null, "category" varchar(100) null, "handling_unit" varchar(200) null, "submitted_on" date not null, "assigned_on" date null, "deadline" date null, "state" text not null default 'SUBMITTED', "replied_on" date null, "reply" text null, "completed_on" date null, "outcome_class" text null, "satisfaction" text null, primary key ("id"));`);
    this.addSql(`create index "suggestion_updated_at_index" on "suggestion" ("updated_at");`);
    this.addSql(`create index "suggestion_county_id_state_index" on "suggestion" ("county_id", "state");`);
    this.addSql(`create index "suggestion_township_id_submitted_on_id_index" on "suggestion" ("township_id", "submitted_on", "id");`);

    this.addSql(`create table "suggestion_proposer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "suggestion_id" uuid not null, "deputy_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "suggestion_proposer_updated_at_index" on "suggestion_proposer" ("updated_at");`);
    this.addSql(`create index "suggestion_proposer_deputy_id_index" on "suggestion_proposer" ("deputy_id");`);
    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_suggestion_id_deputy_id_unique" unique ("suggestion_id", "deputy_id");`);

    this.addSql(`create table "activity" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "type" text not null, "occurred_on" date not null, "date_precision" text not null default 'DAY', "title" varchar(300) not null, "topic" varchar(300) null, "place" varchar(200) null, "station_id" uuid null, "group_id" uuid null, "session_id" uuid null, "outcome" text null, primary key ("id"));`);
    this.addSql(`create index "activity_updated_at_index" on "activity" ("updated_at");`);
    this.addSql(`create index "activity_station_id_index" on "activity" ("station_id");`);
    this.addSql(`create index "activity_county_id_type_occurred_on_index" on "activity" ("county_id", "type", "occurred_on");`);
    this.addSql(`create index "activity_township_id_occurred_on_id_index" on "activity" ("township_id", "occurred_on", "id");`);

    this.addSql(`create table "activity_participant" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "activity_id" uuid not null, "deputy_id" uuid not null, "attendance" text not null default 'PRESENT', primary key ("id"));`);
    this.addSql(`create index "activity_participant_updated_at_index" on "activity_participant" ("updated_at");`);
    this.addSql(`create index "activity_participant_deputy_id_activity_id_index" on "activity_participant" ("deputy_id", "activity_id");`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_activity_id_deputy_id_unique" unique ("activity_id", "deputy_id");`);

    this.addSql(`create table "voter_contact" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "township_id" uuid not null, "county_id" uuid not null, "provenance" text not null default 'RECORDED', "kind" text not null, "received_on" date not null, "station_id" uuid null, "deputy_id" uuid null, "subject" varchar(300) not null, "replied" boolean not null default false, "replied_on" date null, primary key ("id"));`);
    this.addSql(`create index "voter_contact_updated_at_index" on "voter_contact" ("updated_at");`);
    this.addSql(`create index "voter_contact_township_id_received_on_id_index" on "voter_contact" ("township_id", "received_on", "id");`);

    this.addSql(`alter table "metric_definition" add constraint "metric_definition_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "metric_definition" add constraint "metric_definition_kind_check" check ("kind" in ('COUNT', 'RATE'));`);

    this.addSql(`alter table "township" add constraint "township_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "township" add constraint "township_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);

    this.addSql(`alter table "term" add constraint "term_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "term" add constraint "term_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "term" add constraint "term_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);

    this.addSql(`alter table "station" add constraint "station_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "station" add constraint "station_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "station" add constraint "station_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "station" add constraint "station_kind_check" check ("kind" in ('LIAISON_STATION', 'ACTIVITY_STATION'));`);
    this.addSql(`alter table "station" add constraint "station_schedule_kind_check" check ("schedule_kind" in ('MONTHLY_DAY', 'MONTHLY_LAST_WEEKDAY', 'MONTHLY_NTH_WEEKDAY', 'IRREGULAR'));`);

    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_quarter_check" check (quarter >= 1 and quarter <= 4);`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "quarterly_report" add constraint "quarterly_report_state_check" check ("state" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'));`);

    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_report_id_foreign" foreign key ("report_id") references "quarterly_report" ("id") on delete cascade;`);
    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "quarterly_report_value" add constraint "quarterly_report_value_qualifier_check" check ("qualifier" in ('EXACT', 'AT_LEAST', 'APPROXIMATE'));`);

    this.addSql(`alter table "period_figure" add constraint "period_figure_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_term_id_foreign" foreign key ("term_id") references "term" ("id") on delete restrict;`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_period_check" check ((period_kind = 'YEAR' and year is not null) or (period_kind = 'TERM' and term_id is not null));`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_period_kind_check" check ("period_kind" in ('YEAR', 'TERM'));`);
    this.addSql(`alter table "period_figure" add constraint "period_figure_qualifier_check" check ("qualifier" in ('EXACT', 'AT_LEAST', 'APPROXIMATE'));`);

    this.addSql(`alter table "election" add constraint "election_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "election" add constraint "election_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "election" add constraint "election_turnout_check" check (voters_voted is null or registered_voters is null or voters_voted <= registered_voters);`);
    this.addSql(`alter table "election" add constraint "election_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "election" add constraint "election_date_precision_check" check ("date_precision" in ('DAY', 'MONTH', 'YEAR'));`);
    this.addSql(`alter table "election" add constraint "election_kind_check" check ("kind" in ('GENERAL', 'BY_ELECTION'));`);

    this.addSql(`alter table "deputy_group" add constraint "deputy_group_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy_group" add constraint "deputy_group_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy_group" add constraint "deputy_group_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);

    this.addSql(`alter table "deputy" add constraint "deputy_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy" add constraint "deputy_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy" add constraint "deputy_term_id_foreign" foreign key ("term_id") references "term" ("id") on delete restrict;`);
    this.addSql(`alter table "deputy" add constraint "deputy_group_id_foreign" foreign key ("group_id") references "deputy_group" ("id") on delete set null;`);
    this.addSql(`alter table "deputy" add constraint "deputy_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete set null;`);
    this.addSql(`alter table "deputy" add constraint "deputy_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "deputy" add constraint "deputy_gender_check" check ("gender" in ('MALE', 'FEMALE'));`);
    this.addSql(`alter table "deputy" add constraint "deputy_party_check" check ("party" in ('CPC', 'DEMOCRATIC_PARTY', 'NONE'));`);
    this.addSql(`alter table "deputy" add constraint "deputy_occupation_category_check" check ("occupation_category" in ('WORKER', 'FARMER', 'PROFESSIONAL', 'OFFICIAL', 'ENTERPRISE', 'MILITARY', 'OTHER'));`);
    this.addSql(`alter table "deputy" add constraint "deputy_level_check" check ("level" in ('COUNTY_OR_CITY', 'TOWNSHIP'));`);
    this.addSql(`alter table "deputy" add constraint "deputy_status_check" check ("status" in ('ACTIVE', 'RESIGNED', 'REMOVED', 'DECEASED'));`);

    this.addSql(`alter table "congress_session" add constraint "congress_session_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "congress_session" add constraint "congress_session_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "congress_session" add constraint "congress_session_term_id_foreign" foreign key ("term_id") references "term" ("id") on delete restrict;`);
    this.addSql(`alter table "congress_session" add constraint "congress_session_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);

    this.addSql(`alter table "suggestion" add constraint "suggestion_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_session_id_foreign" foreign key ("session_id") references "congress_session" ("id") on delete set null;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_kind_check" check ("kind" in ('SUGGESTION', 'OPINION', 'MOTION'));`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_state_check" check ("state" in ('SUBMITTED', 'ASSIGNED', 'IN_PROGRESS', 'REPLIED', 'COMPLETED', 'RETURNED'));`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_outcome_class_check" check ("outcome_class" in ('A', 'B', 'C', 'D'));`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_satisfaction_check" check ("satisfaction" in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'));`);

    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_suggestion_id_foreign" foreign key ("suggestion_id") references "suggestion" ("id") on delete cascade;`);
    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_deputy_id_foreign" foreign key ("deputy_id") references "deputy" ("id") on delete restrict;`);
    this.addSql(`alter table "suggestion_proposer" add constraint "suggestion_proposer_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);

    this.addSql(`alter table "activity" add constraint "activity_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_group_id_foreign" foreign key ("group_id") references "deputy_group" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_session_id_foreign" foreign key ("session_id") references "congress_session" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "activity" add constraint "activity_type_check" check ("type" in ('INSPECTION', 'RESEARCH_VISIT', 'LAW_ENFORCEMENT_CHECK', 'SUPERVISION', 'STUDY', 'VOTER_RECEPTION', 'VOTER_VISIT', 'REPORT_TO_VOTERS', 'DEPUTY_GROUP_ACTIVITY', 'PRESIDIUM_MEETING', 'CONGRESS_SESSION', 'DEPUTY_MEETING', 'GOVERNMENT_REPORT_HEARING', 'LEGAL_OUTREACH'));`);
    this.addSql(`alter table "activity" add constraint "activity_date_precision_check" check ("date_precision" in ('DAY', 'MONTH', 'YEAR'));`);

    this.addSql(`alter table "activity_participant" add constraint "activity_participant_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete cascade;`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_deputy_id_foreign" foreign key ("deputy_id") references "deputy" ("id") on delete restrict;`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "activity_participant" add constraint "activity_participant_attendance_check" check ("attendance" in ('PRESENT', 'EXCUSED', 'ABSENT'));`);

    this.addSql(`alter table "voter_contact" add constraint "voter_contact_township_id_foreign" foreign key ("township_id") references "township" ("id") on delete restrict;`);
    this.addSql(`alter table "voter_contact" add constraint "voter_contact_county_id_foreign" foreign key ("county_id") references "county" ("id") on delete restrict;`);
    this.addSql(`alter table "voter_contact" add constraint "voter_contact_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete set null;`);
    this.addSql(`alter table "voter_contact" add constraint "voter_contact_deputy_id_foreign" foreign key ("deputy_id") references "deputy" ("id") on delete set null;`);
    this.addSql(`alter table "voter_contact" add constraint "voter_contact_provenance_check" check ("provenance" in ('REPORTED', 'RECORDED', 'SYNTHETIC'));`);
    this.addSql(`alter table "voter_contact" add constraint "voter_contact_kind_check" check ("kind" in ('VISIT', 'LETTER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "metric_definition" drop constraint "metric_definition_county_id_foreign";`);
    this.addSql(`alter table "township" drop constraint "township_county_id_foreign";`);
    this.addSql(`alter table "term" drop constraint "term_county_id_foreign";`);
    this.addSql(`alter table "station" drop constraint "station_county_id_foreign";`);
    this.addSql(`alter table "quarterly_report" drop constraint "quarterly_report_county_id_foreign";`);
    this.addSql(`alter table "quarterly_report_value" drop constraint "quarterly_report_value_county_id_foreign";`);
    this.addSql(`alter table "period_figure" drop constraint "period_figure_county_id_foreign";`);
    this.addSql(`alter table "election" drop constraint "election_county_id_foreign";`);
    this.addSql(`alter table "deputy_group" drop constraint "deputy_group_county_id_foreign";`);
    this.addSql(`alter table "deputy" drop constraint "deputy_county_id_foreign";`);
    this.addSql(`alter table "congress_session" drop constraint "congress_session_county_id_foreign";`);
    this.addSql(`alter table "suggestion" drop constraint "suggestion_county_id_foreign";`);
    this.addSql(`alter table "suggestion_proposer" drop constraint "suggestion_proposer_county_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_county_id_foreign";`);
    this.addSql(`alter table "activity_participant" drop constraint "activity_participant_county_id_foreign";`);
    this.addSql(`alter table "voter_contact" drop constraint "voter_contact_county_id_foreign";`);
    this.addSql(`alter table "term" drop constraint "term_township_id_foreign";`);
    this.addSql(`alter table "station" drop constraint "station_township_id_foreign";`);
    this.addSql(`alter table "quarterly_report" drop constraint "quarterly_report_township_id_foreign";`);
    this.addSql(`alter table "quarterly_report_value" drop constraint "quarterly_report_value_township_id_foreign";`);
    this.addSql(`alter table "period_figure" drop constraint "period_figure_township_id_foreign";`);
    this.addSql(`alter table "election" drop constraint "election_township_id_foreign";`);
    this.addSql(`alter table "deputy_group" drop constraint "deputy_group_township_id_foreign";`);
    this.addSql(`alter table "deputy" drop constraint "deputy_township_id_foreign";`);
    this.addSql(`alter table "congress_session" drop constraint "congress_session_township_id_foreign";`);
    this.addSql(`alter table "suggestion" drop constraint "suggestion_township_id_foreign";`);
    this.addSql(`alter table "suggestion_proposer" drop constraint "suggestion_proposer_township_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_township_id_foreign";`);
    this.addSql(`alter table "activity_participant" drop constraint "activity_participant_township_id_foreign";`);
    this.addSql(`alter table "voter_contact" drop constraint "voter_contact_township_id_foreign";`);
    this.addSql(`alter table "period_figure" drop constraint "period_figure_term_id_foreign";`);
    this.addSql(`alter table "deputy" drop constraint "deputy_term_id_foreign";`);
    this.addSql(`alter table "congress_session" drop constraint "congress_session_term_id_foreign";`);
    this.addSql(`alter table "deputy" drop constraint "deputy_station_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_station_id_foreign";`);
    this.addSql(`alter table "voter_contact" drop constraint "voter_contact_station_id_foreign";`);
    this.addSql(`alter table "quarterly_report_value" drop constraint "quarterly_report_value_report_id_foreign";`);
    this.addSql(`alter table "deputy" drop constraint "deputy_group_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_group_id_foreign";`);
    this.addSql(`alter table "suggestion_proposer" drop constraint "suggestion_proposer_deputy_id_foreign";`);
    this.addSql(`alter table "activity_participant" drop constraint "activity_participant_deputy_id_foreign";`);
    this.addSql(`alter table "voter_contact" drop constraint "voter_contact_deputy_id_foreign";`);
    this.addSql(`alter table "suggestion" drop constraint "suggestion_session_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_session_id_foreign";`);
    this.addSql(`alter table "suggestion_proposer" drop constraint "suggestion_proposer_suggestion_id_foreign";`);
    this.addSql(`alter table "activity_participant" drop constraint "activity_participant_activity_id_foreign";`);

    this.addSql(`drop table if exists "county" cascade;`);
    this.addSql(`drop table if exists "metric_definition" cascade;`);
    this.addSql(`drop table if exists "township" cascade;`);
    this.addSql(`drop table if exists "term" cascade;`);
    this.addSql(`drop table if exists "station" cascade;`);
    this.addSql(`drop table if exists "quarterly_report" cascade;`);
    this.addSql(`drop table if exists "quarterly_report_value" cascade;`);
    this.addSql(`drop table if exists "period_figure" cascade;`);
    this.addSql(`drop table if exists "election" cascade;`);
    this.addSql(`drop table if exists "deputy_group" cascade;`);
    this.addSql(`drop table if exists "deputy" cascade;`);
    this.addSql(`drop table if exists "congress_session" cascade;`);
    this.addSql(`drop table if exists "suggestion" cascade;`);
    this.addSql(`drop table if exists "suggestion_proposer" cascade;`);
    this.addSql(`drop table if exists "activity" cascade;`);
    this.addSql(`drop table if exists "activity_participant" cascade;`);
    this.addSql(`drop table if exists "voter_contact" cascade;`);
  }

}
