/**
 * The facts each seed township's summary must state, in order, written by hand from its work report
 * (/work/shared/reference/reports) and not from the seed code: what the report says happened in 2021
 * (or in the unnamed town's whole term), in the order a 乡镇人大 report tells it — elections, sessions,
 * the presidium, study, supervision, campaigns and outreach, deputy groups and stations, suggestions,
 * contact with voters, written reports. Generated (SYNTHETIC) facts are not here: these are the
 * summaries without them.
 *
 * A fact is written `metricKey=value` for a figure the report gives, and `label[=value]@date` for a
 * record (date as precise as the report: 2021-06-26, 2021-09 or 2021).
 */
export const GOLDEN_SUMMARIES: Readonly<Record<string, { kind: 'YEAR' | 'TERM'; facts: readonly string[] }>> = {
  // 群利镇2021年人大工作总结
  QUNLI: {
    kind: 'YEAR',
    facts: [
      // 一、依法组织选举工作: 6月26日 8 county and 61 township deputies; 7月9日 one county deputy by-elected.
      '选出县人大代表=8@2021-06-26',
      '选出镇人大代表=61@2021-06-26',
      '补选县人大代表=1@2021-07-09',
      // 第八届人民代表大会 (undated): 61 deputies, 60 present, 1 on sick leave.
      '人代会会议@2021',
      '应到代表=61@2021',
      '实到代表=60@2021',
      // （一）代表学习活动: September, November, December — three.
      'study_sessions=3',
      '代表学习@2021-09',
      '代表学习@2021-11',
      '代表学习@2021-12',
      // （二）代表视察活动: 6/30 视察, 11/8 调研, 11/10 阳光问权, 11/11 督导, 12/13 听取审议专项工作报告.
      '代表视察@2021-06-30',
      '代表调研@2021-11-08',
      '督导督办@2021-11-10',
      '督导督办@2021-11-11',
      '听取审议工作报告@2021-12-13',
      // Election publicity from late May.
      '宣传活动@2021-05',
      // （三）代表小组活动: in July each of the four groups studied the 代表法.
      '代表小组活动@2021-07',
      '代表小组活动@2021-07',
      '代表小组活动@2021-07',
      '代表小组活动@2021-07',
      // The two suggestions the report names (idle state assets, being carried out; 白芷 processing).
      '代表建议@2021-06-30',
      '代表建议@2021-11-08',
      // 三、4. 完成信息报送两篇.
      'information_reports=2',
    ],
  },
  // 思蒙镇2021年人大工作总结
  SIMENG: {
    kind: 'YEAR',
    facts: [
      // 8月30日 第二届人民代表大会第一次会议, which voted two livelihood projects.
      '人代会会议@2021-08-30',
      'livelihood_projects_voted=2',
      // 开展执法6次; 听取本级政府工作汇报1次.
      'law_enforcement_checks=6',
      'government_reports_heard=1',
      // 办理代表意见建议11件，办结率100%.
      'suggestions_received=11',
      'suggestions_completed=11',
      'suggestion_completion_rate=100',
      // 接待群众来访25次，答复群众来信3件，答复率100%.
      'visitors_received=25',
      'letters_received=3',
      'letters_answered=3',
      'letter_reply_rate=100',
    ],
  },
  // 鹤毛镇2021年人大工作总结: the year gives one figure, 五次主席团会议.
  HEMAO: { kind: 'YEAR', facts: ['presidium_meetings=5'] },
  // 镇江镇2021年人大工作报告
  ZHENJIANG: {
    kind: 'YEAR',
    facts: [
      // 换届选举: 38590 voters, 36196 voted, 15 city and 81 town deputies (dated to the year only).
      '登记选民=38590@2021',
      '参加投票选民=36196@2021',
      '参选率=93.8@2021',
      '选出县人大代表=15@2021',
      '选出镇人大代表=81@2021',
      // 9月29日至30日 第十三届人民代表大会第一次全体会议; 全镇人大代表会议4次 in the year.
      '人代会会议@2021-09-29',
      'meetings_held=4',
      // 调研视察23次; 30余次的督办.
      'inspections_and_research_visits=23',
      'supervisions=30',
      // “我为群众办实事”实践活动4次; 普法宣传活动10次.
      'practical_service_activities=4',
      'legal_outreach=10',
      // 向镇党委提交报告2份.
      'reports_to_party_committee=2',
    ],
  },
  // The unnamed town's report covers its second term and dates nothing: its 2021 has no fact.
  UNNAMED: { kind: 'YEAR', facts: [] },
  // 镇第二届人大主席团工作总结, the whole term.
  'UNNAMED-TERM': {
    kind: 'TERM',
    facts: [
      // 经济建设方面的视察活动23次 (economic inspections only: a lower bound).
      'inspections=23',
      // 6 + 2 活动站, each with 15次以上 activities.
      'stations_established=8',
      'station_activities=120',
      // 联系选民近万人次，收集各类建议和意见980多条; 46名县代表、51名镇代表述职.
      'voter_contacts=10000',
      'opinions_collected=980',
      'county_deputies_reported_to_voters=46',
      'township_deputies_reported_to_voters=51',
      // 讨论性文章 (three titles).
      'research_reports=3',
    ],
  },
  // 鹤毛镇's five-year review of its (unnumbered) term.
  'HEMAO-TERM': {
    kind: 'TERM',
    facts: ['county_deputies_by_elected=3', 'township_deputies_by_elected=2', 'meetings_held=9', 'research_reports=2'],
  },
};
