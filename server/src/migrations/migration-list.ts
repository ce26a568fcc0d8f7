import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125095226_initial } from './Migration20261125095226_initial.js';
import { Migration20261125095657_tenancy } from './Migration20261125095657_tenancy.js';
import { Migration20261125101530_write_path } from './Migration20261125101530_write_path.js';
import { Migration20261125103255_analytics } from './Migration20261125103255_analytics.js';
import { Migration20261125123000_scale_indexes } from './Migration20261125123000_scale_indexes.js';
import { Migration20261206134315_record_coverage } from './Migration20261206134315_record_coverage.js';
import { Migration20261206134629_sessions_and_api_tokens } from './Migration20261206134629_sessions_and_api_tokens.js';
import { Migration20261206134845_pii_side_channels } from './Migration20261206134845_pii_side_channels.js';
import { Migration20261206135105_station_reception_range } from './Migration20261206135105_station_reception_range.js';
import { Migration20261206162732_tenant_table_function } from './Migration20261206162732_tenant_table_function.js';
import { Migration20261206191956_account_invitations } from './Migration20261206191956_account_invitations.js';
import { Migration20261206192006_source_report_title } from './Migration20261206192006_source_report_title.js';
import { Migration20261206192034_deputy_role } from './Migration20261206192034_deputy_role.js';
import { Migration20261206192041_metric_groups } from './Migration20261206192041_metric_groups.js';
import { Migration20261206192355_deputy_performance } from './Migration20261206192355_deputy_performance.js';
import { Migration20261206192802_report_events_and_notifications } from './Migration20261206192802_report_events_and_notifications.js';
import { Migration20261206193145_platform_metric_catalog } from './Migration20261206193145_platform_metric_catalog.js';
import { Migration20261206193247_data_import } from './Migration20261206193247_data_import.js';
import { Migration20261206210000_platform_metric_groups } from './Migration20261206210000_platform_metric_groups.js';
import { Migration20261206211000_deputy_archive_access } from './Migration20261206211000_deputy_archive_access.js';
import { Migration20261207013430_county_data_version } from './Migration20261207013430_county_data_version.js';
import { Migration20261207014000_shard_keys } from './Migration20261207014000_shard_keys.js';
import { Migration20261207015252_report_value_statement_audit } from './Migration20261207015252_report_value_statement_audit.js';
import { Migration20261207043843_data_version_without_lock } from './Migration20261207043843_data_version_without_lock.js';
import { Migration20261207074911_references_cleared_by_trigger } from './Migration20261207074911_references_cleared_by_trigger.js';
import { Migration20261207075508_login_directory } from './Migration20261207075508_login_directory.js';
import { Migration20261207075612_distribute_by_county } from './Migration20261207075612_distribute_by_county.js';
import { Migration20261207092627_login_directory_invoker_check } from './Migration20261207092627_login_directory_invoker_check.js';
import { Migration20261207093053_invitation_user_role } from './Migration20261207093053_invitation_user_role.js';
import { Migration20261207093330_activation_by_county } from './Migration20261207093330_activation_by_county.js';
import { Migration20261207105834_identity_and_version_by_county } from './Migration20261207105834_identity_and_version_by_county.js';
import { Migration20261207161500_identity_functions_plpgsql } from './Migration20261207161500_identity_functions_plpgsql.js';
import { Migration20261207190000_cheaper_write_triggers } from './Migration20261207190000_cheaper_write_triggers.js';
import { Migration20261207200000_implied_tenant_keys } from './Migration20261207200000_implied_tenant_keys.js';
import { Migration20261207210000_audit_row_json_once } from './Migration20261207210000_audit_row_json_once.js';

/**
 * Every migration, oldest first. `npm run migration:create` writes a new file next to this one;
 * add it here (a test fails when a migration file is missing from this list).
 */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261125095226_initial', class: Migration20261125095226_initial },
  { name: 'Migration20261125095657_tenancy', class: Migration20261125095657_tenancy },
  { name: 'Migration20261125101530_write_path', class: Migration20261125101530_write_path },
  { name: 'Migration20261125103255_analytics', class: Migration20261125103255_analytics },
  { name: 'Migration20261125123000_scale_indexes', class: Migration20261125123000_scale_indexes },
  { name: 'Migration20261206134315_record_coverage', class: Migration20261206134315_record_coverage },
  { name: 'Migration20261206134629_sessions_and_api_tokens', class: Migration20261206134629_sessions_and_api_tokens },
  { name: 'Migration20261206134845_pii_side_channels', class: Migration20261206134845_pii_side_channels },
  { name: 'Migration20261206135105_station_reception_range', class: Migration20261206135105_station_reception_range },
  { name: 'Migration20261206162732_tenant_table_function', class: Migration20261206162732_tenant_table_function },
  { name: 'Migration20261206191956_account_invitations', class: Migration20261206191956_account_invitations },
  { name: 'Migration20261206192006_source_report_title', class: Migration20261206192006_source_report_title },
  { name: 'Migration20261206192034_deputy_role', class: Migration20261206192034_deputy_role },
  { name: 'Migration20261206192041_metric_groups', class: Migration20261206192041_metric_groups },
  { name: 'Migration20261206192355_deputy_performance', class: Migration20261206192355_deputy_performance },
  {
    name: 'Migration20261206192802_report_events_and_notifications',
    class: Migration20261206192802_report_events_and_notifications,
  },
  { name: 'Migration20261206193145_platform_metric_catalog', class: Migration20261206193145_platform_metric_catalog },
  { name: 'Migration20261206193247_data_import', class: Migration20261206193247_data_import },
  { name: 'Migration20261206210000_platform_metric_groups', class: Migration20261206210000_platform_metric_groups },
  { name: 'Migration20261206211000_deputy_archive_access', class: Migration20261206211000_deputy_archive_access },
  { name: 'Migration20261207013430_county_data_version', class: Migration20261207013430_county_data_version },
  { name: 'Migration20261207014000_shard_keys', class: Migration20261207014000_shard_keys },
  {
    name: 'Migration20261207015252_report_value_statement_audit',
    class: Migration20261207015252_report_value_statement_audit,
  },
  { name: 'Migration20261207043843_data_version_without_lock', class: Migration20261207043843_data_version_without_lock },
  {
    name: 'Migration20261207074911_references_cleared_by_trigger',
    class: Migration20261207074911_references_cleared_by_trigger,
  },
  { name: 'Migration20261207075508_login_directory', class: Migration20261207075508_login_directory },
  { name: 'Migration20261207075612_distribute_by_county', class: Migration20261207075612_distribute_by_county },
  {
    name: 'Migration20261207092627_login_directory_invoker_check',
    class: Migration20261207092627_login_directory_invoker_check,
  },
  { name: 'Migration20261207093053_invitation_user_role', class: Migration20261207093053_invitation_user_role },
  { name: 'Migration20261207093330_activation_by_county', class: Migration20261207093330_activation_by_county },
  {
    name: 'Migration20261207105834_identity_and_version_by_county',
    class: Migration20261207105834_identity_and_version_by_county,
  },
  {
    name: 'Migration20261207161500_identity_functions_plpgsql',
    class: Migration20261207161500_identity_functions_plpgsql,
  },
  { name: 'Migration20261207190000_cheaper_write_triggers', class: Migration20261207190000_cheaper_write_triggers },
  { name: 'Migration20261207200000_implied_tenant_keys', class: Migration20261207200000_implied_tenant_keys },
  { name: 'Migration20261207210000_audit_row_json_once', class: Migration20261207210000_audit_row_json_once },
];
