import { Migration } from '@mikro-orm/migrations';

/**
 * The platform's metric catalog as versioned reference data: every database gets it from its migrations,
 * not from the seed data. A frozen copy of the catalog of this release (seeds/src/metric-definitions.ts);
 * a later catalog change is a new migration, and `renda catalog sync` brings a database up to the
 * catalog its build ships. Rows another step inserted already (a database seeded before this migration)
 * are kept as they are.
 */
export class Migration20261206193145_platform_metric_catalog extends Migration {

  override name = 'Migration20261206193145_platform_metric_catalog';

  override up(): void | Promise<void> {
    this.addSql(`insert into metric_definition (id, key, name_zh, name_en, unit, kind, higher_is_better, computation, numerator_key, denominator_key) values
      (gen_random_uuid(), 'meetings_held', '人大会议次数', 'Congress and deputy meetings held', '次', 'COUNT', true, 'Activities of type CONGRESS_SESSION plus DEPUTY_MEETING (a session spanning several days counts once).', null, null),
      (gen_random_uuid(), 'presidium_meetings', '主席团会议次数', 'Presidium meetings', '次', 'COUNT', true, 'Activities of type PRESIDIUM_MEETING.', null, null),
      (gen_random_uuid(), 'inspections', '视察次数', 'Inspections', '次', 'COUNT', true, 'Activities of type INSPECTION.', null, null),
      (gen_random_uuid(), 'research_visits', '调研次数', 'Research visits', '次', 'COUNT', true, 'Activities of type RESEARCH_VISIT.', null, null),
      (gen_random_uuid(), 'inspections_and_research_visits', '视察调研次数', 'Inspections and research visits', '次', 'COUNT', true, 'Activities of type INSPECTION plus RESEARCH_VISIT; for reports that give only the combined 视察调研 figure.', null, null),
      (gen_random_uuid(), 'law_enforcement_checks', '执法检查次数', 'Law-enforcement checks', '次', 'COUNT', true, 'Activities of type LAW_ENFORCEMENT_CHECK.', null, null),
      (gen_random_uuid(), 'supervisions', '督办督导次数', 'Supervision visits', '次', 'COUNT', true, 'Activities of type SUPERVISION (督办, 督导, 阳光问权).', null, null),
      (gen_random_uuid(), 'study_sessions', '学习培训次数', 'Study and training sessions', '次', 'COUNT', true, 'Activities of type STUDY.', null, null),
      (gen_random_uuid(), 'deputy_group_activities', '代表小组活动次数', 'Deputy group activities', '次', 'COUNT', true, 'Activities of type DEPUTY_GROUP_ACTIVITY.', null, null),
      (gen_random_uuid(), 'voter_receptions', '代表接待日次数', 'Voter reception days', '次', 'COUNT', true, 'Activities of type VOTER_RECEPTION.', null, null),
      (gen_random_uuid(), 'legal_outreach', '普法宣传活动次数', 'Legal-education outreach events', '次', 'COUNT', true, 'Activities of type LEGAL_OUTREACH.', null, null),
      (gen_random_uuid(), 'government_reports_heard', '听取审议政府工作报告次数', 'Government reports heard and reviewed', '次', 'COUNT', true, 'Activities of type GOVERNMENT_REPORT_HEARING.', null, null),
      (gen_random_uuid(), 'resolutions_made', '作出决议决定数', 'Resolutions and decisions made', '项', 'COUNT', true, 'Resolutions and decisions adopted by the congress or presidium (no record type yet: entered as a figure).', null, null),
      (gen_random_uuid(), 'reports_to_party_committee', '向党委报告份数', 'Reports submitted to the Party committee', '份', 'COUNT', true, 'Written reports submitted to the township Party committee (entered as a figure).', null, null),
      (gen_random_uuid(), 'information_reports', '信息报送篇数', 'Information bulletins submitted', '篇', 'COUNT', true, 'Information items sent to the county standing committee (entered as a figure).', null, null),
      (gen_random_uuid(), 'research_reports', '调研报告（文章）篇数', 'Research reports and papers', '篇', 'COUNT', true, 'Research reports or papers written for the higher-level congress or its research society (entered as a figure).', null, null),
      (gen_random_uuid(), 'practical_service_activities', '“我为群众办实事”活动次数', '"Practical things for the people" activities', '次', 'COUNT', true, 'Campaign activities of the 我为群众办实事 kind (entered as a figure).', null, null),
      (gen_random_uuid(), 'visitors_received', '接待群众来访次数', 'Visits from the public received', '次', 'COUNT', true, 'Voter contacts of kind VISIT, by date received.', null, null),
      (gen_random_uuid(), 'letters_received', '收到群众来信件数', 'Letters received', '件', 'COUNT', true, 'Voter contacts of kind LETTER, by date received.', null, null),
      (gen_random_uuid(), 'letters_answered', '答复群众来信件数', 'Letters answered', '件', 'COUNT', true, 'Voter contacts of kind LETTER with replied = true, by reply date.', null, null),
      (gen_random_uuid(), 'letter_reply_rate', '来信答复率', 'Letter reply rate', '%', 'RATE', true, 'letters_answered / letters_received × 100.', 'letters_answered', 'letters_received'),
      (gen_random_uuid(), 'suggestions_received', '代表建议意见件数', 'Deputy suggestions received', '件', 'COUNT', true, 'Suggestions, opinions and motions, by submission date.', null, null),
      (gen_random_uuid(), 'suggestions_replied', '已答复建议件数', 'Suggestions replied to', '件', 'COUNT', true, 'Suggestions with a reply date, by reply date.', null, null),
      (gen_random_uuid(), 'suggestions_completed', '已办结建议件数', 'Suggestions completed', '件', 'COUNT', true, 'Suggestions in state COMPLETED, by completion date.', null, null),
      (gen_random_uuid(), 'suggestion_completion_rate', '建议办结率', 'Suggestion completion rate', '%', 'RATE', true, 'suggestions_completed / suggestions_received × 100 (办结率).', 'suggestions_completed', 'suggestions_received'),
      (gen_random_uuid(), 'suggestions_solved', '已办成（A类）建议件数', 'Suggestions solved (class A)', '件', 'COUNT', true, 'Suggestions with outcome class A (problem solved or adopted), by completion or reply date.', null, null),
      (gen_random_uuid(), 'suggestion_solved_rate', '建议办成率', 'Suggestion solved rate', '%', 'RATE', true, 'suggestions_solved / suggestions_received × 100 (办成率).', 'suggestions_solved', 'suggestions_received'),
      (gen_random_uuid(), 'suggestions_rated', '参与满意度测评建议件数', 'Suggestions with a satisfaction rating', '件', 'COUNT', true, 'Suggestions whose proposer gave a satisfaction rating.', null, null),
      (gen_random_uuid(), 'suggestions_satisfied', '满意及基本满意建议件数', 'Suggestions rated satisfied', '件', 'COUNT', true, 'Suggestions rated SATISFIED or BASICALLY_SATISFIED.', null, null),
      (gen_random_uuid(), 'satisfaction_rate', '代表满意率', 'Proposer satisfaction rate', '%', 'RATE', true, 'suggestions_satisfied / suggestions_rated × 100.', 'suggestions_satisfied', 'suggestions_rated'),
      (gen_random_uuid(), 'congress_attendance_rate', '人代会出席率', 'Congress session attendance rate', '%', 'RATE', true, 'Participants PRESENT / all listed participants of CONGRESS_SESSION activities × 100.', null, null),
      (gen_random_uuid(), 'registered_voters', '登记选民数', 'Registered voters', '人', 'COUNT', true, 'Registered voters of the elections held in the period (a size, not a performance figure).', null, null),
      (gen_random_uuid(), 'voters_voted', '参加投票选民数', 'Voters who voted', '人', 'COUNT', true, 'Voters who cast a ballot in the elections held in the period.', null, null),
      (gen_random_uuid(), 'election_turnout', '参选率', 'Election turnout', '%', 'RATE', true, 'voters_voted / registered_voters × 100.', 'voters_voted', 'registered_voters'),
      (gen_random_uuid(), 'county_deputies_elected', '选出县（市）人大代表数', 'County/city deputies elected', '人', 'COUNT', true, 'County- or city-level deputies elected at general elections (换届选举) in the period.', null, null),
      (gen_random_uuid(), 'township_deputies_elected', '选出镇人大代表数', 'Township deputies elected', '人', 'COUNT', true, 'Township-level deputies elected at general elections in the period.', null, null),
      (gen_random_uuid(), 'county_deputies_by_elected', '补选县（市）人大代表数', 'County/city deputies by-elected', '人', 'COUNT', false, 'County- or city-level deputies elected at by-elections (补选) in the period; by-elections follow vacancies.', null, null),
      (gen_random_uuid(), 'township_deputies_by_elected', '补选镇人大代表数', 'Township deputies by-elected', '人', 'COUNT', false, 'Township-level deputies elected at by-elections in the period.', null, null),
      (gen_random_uuid(), 'deputies_reported_to_voters', '向选民述职代表人数', 'Deputies who reported to voters', '人', 'COUNT', true, 'Distinct deputies who gave a 述职 report to their voters (REPORT_TO_VOTERS participants).', null, null),
      (gen_random_uuid(), 'county_deputies_reported_to_voters', '向选民述职县（市）代表人数', 'County/city deputies who reported to voters', '人', 'COUNT', true, 'As deputies_reported_to_voters, county- or city-level deputies only.', null, null),
      (gen_random_uuid(), 'township_deputies_reported_to_voters', '向选民述职镇代表人数', 'Township deputies who reported to voters', '人', 'COUNT', true, 'As deputies_reported_to_voters, township-level deputies only.', null, null),
      (gen_random_uuid(), 'voter_contacts', '联系选民人次', 'Voter contacts (person-times)', '人次', 'COUNT', true, 'Person-times deputies contacted voters (visits, reception days, 统一见面日); reported as a figure.', null, null),
      (gen_random_uuid(), 'opinions_collected', '收集意见建议条数', 'Opinions and suggestions collected from voters', '条', 'COUNT', true, 'Opinions and suggestions deputies collected from voters (not formal deputy suggestions).', null, null),
      (gen_random_uuid(), 'livelihood_projects_voted', '票决民生实事项目数', 'Livelihood projects voted', '个', 'COUNT', true, 'Livelihood projects (民生实事项目) adopted by congress vote (票决制).', null, null),
      (gen_random_uuid(), 'stations_established', '代表活动（联络）站数', 'Deputy stations established', '个', 'COUNT', true, 'Deputy liaison or activity stations set up in the period.', null, null),
      (gen_random_uuid(), 'station_activities', '代表站组织活动次数', 'Activities organised by stations', '次', 'COUNT', true, 'Activities of any type with a stationKey; reported totals may be lower bounds.', null, null)
    on conflict do nothing;`);
  }

  override down(): void | Promise<void> {
    // Platform rows only; a county's own definitions stay.
    this.addSql(`delete from metric_definition where county_id is null;`);
  }

}
