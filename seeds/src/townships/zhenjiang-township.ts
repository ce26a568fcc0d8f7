import type { SeedPeriodFigure, SeedQualifier } from '../seed-dataset.js';
import type { TownshipSource } from './township-source.js';

const T = 'zhenjiang';
const TERM = 'zhenjiang-term-13';
const SESSION = 'zhenjiang-term-13-session-1';
const X_ITEMS = '报告原文为X项';

function year2021(
  metricKey: string,
  value: number | null,
  qualifier: SeedQualifier,
  note: string | null,
): SeedPeriodFigure {
  return {
    townshipKey: T,
    metricKey,
    periodKind: 'YEAR',
    year: 2021,
    termKey: null,
    value,
    qualifier,
    provenance: 'REPORTED',
    note,
  };
}

/** Topics for the 23 视察调研 visits, taken from the work areas the report names. */
const VISIT_TOPICS = [
  '村级集中供水工程',
  '人居环境整治',
  '省级卫生镇创建',
  '河湖长制“清四乱”',
  '疫情防控',
  '精准扶贫',
].map((topic) => ({ topic }));

/** 镇江镇, zhenjiang-2021.txt: 2021 report (4 deputy meetings, 23 visits, election figures, "X项" placeholders). */
export const zhenjiangTownship: TownshipSource = {
  township: {
    key: T,
    code: 'ZHENJIANG',
    name: '镇江镇',
    nameEn: 'Zhenjiang Town',
    sourceReport: 'zhenjiang-2021.txt',
    sourceReportTitle: '镇江镇2021年人大工作报告',
    provenance: 'REPORTED',
  },
  terms: [
    {
      key: TERM,
      townshipKey: T,
      ordinal: 13,
      name: '镇江镇第十三届人民代表大会',
      startedOn: '2021-09-29',
      endedOn: null,
      provenance: 'REPORTED',
    },
  ],
  deputyTermKey: TERM,
  sessions: [
    {
      key: SESSION,
      termKey: TERM,
      sessionNumber: 1,
      name: '镇江镇第十三届人民代表大会第一次会议',
      startsOn: '2021-09-29',
      endsOn: '2021-09-30',
      provenance: 'REPORTED',
    },
  ],
  elections: [
    {
      // Reported figures; the report gives only the year of the election, so the date has YEAR precision.
      key: `${T}-election-2021`,
      townshipKey: T,
      heldOn: '2021-01-01',
      datePrecision: 'YEAR',
      kind: 'GENERAL',
      registeredVoters: 38590,
      votersVoted: 36196,
      countyDeputiesElected: 15,
      townshipDeputiesElected: 81,
      provenance: 'REPORTED',
    },
  ],
  deputyGroups: [],
  stations: [],
  activities: [
    {
      slug: '2021-09-29-term-13-session-1',
      type: 'CONGRESS_SESSION',
      occurredOn: '2021-09-29',
      datePrecision: 'DAY',
      title: '第十三届人民代表大会第一次全体会议',
      topic: null,
      place: null,
      stationKey: null,
      groupKey: null,
      sessionKey: SESSION,
      outcome: '选出人大主席、镇长和副镇长',
    },
  ],
  suggestions: [],
  periodFigures: [
    // "全镇人大代表会议4次": the 9/29 congress session is counted as one of the four.
    year2021('meetings_held', 4, 'EXACT', '全体代表会议4次，含第十三届一次会议'),
    year2021('government_reports_heard', null, 'EXACT', X_ITEMS),
    year2021('resolutions_made', null, 'EXACT', X_ITEMS),
    year2021('inspections_and_research_visits', 23, 'EXACT', '报告只给视察调研合计数'),
    year2021('reports_to_party_committee', 2, 'EXACT', null),
    year2021('practical_service_activities', 4, 'EXACT', '“我为群众办实事”实践活动'),
    year2021('supervisions', 30, 'AT_LEAST', '30余次；仅计联合镇纪委对省级卫生镇创建的督办'),
    year2021('legal_outreach', 10, 'EXACT', '由各村级联络站组织'),
    year2021('registered_voters', 38590, 'EXACT', null),
    year2021('voters_voted', 36196, 'EXACT', null),
    year2021('election_turnout', 93.8, 'EXACT', '按36196/38590计算'),
    year2021('county_deputies_elected', 15, 'EXACT', '市人大代表，经资格审查'),
    year2021('township_deputies_elected', 81, 'EXACT', '经资格审查'),
  ],
  remainderPlacement: {},
  synthetic: {
    deputyCohorts: [
      { level: 'TOWNSHIP', count: 81, electedOn: null, byElection: false },
      { level: 'COUNTY_OR_CITY', count: 15, electedOn: null, byElection: false },
    ],
    minorityEthnicities: ['壮族', '瑶族'],
    groupCount: 5,
    // The report mentions village-level liaison stations without names or number.
    stations: {
      count: 4,
      kind: 'LIAISON_STATION',
      namePrefix: '镇江镇',
      nameSuffix: '片区村级人大联络站',
      schedule: 'MONTHLY_NTH_WEEKDAY',
      deputiesPerReception: 3,
    },
    stationAssignment: 'ROUND_ROBIN',
    activities: [
      {
        // Three plus the reported 9/29 session make the reported four.
        type: 'DEPUTY_MEETING',
        count: 3,
        titlePrefix: '',
        titleSuffix: '',
        topics: [{ topic: '全镇人大代表会议' }],
        from: '2021-01-15',
        to: '2021-12-20',
        atStations: false,
        participants: 'ALL_TOWNSHIP_DEPUTIES',
      },
      // The reported 23 视察调研 are split 12 inspections + 11 research visits; the split is synthetic.
      {
        type: 'INSPECTION',
        count: 12,
        titlePrefix: '视察',
        titleSuffix: '',
        topics: VISIT_TOPICS,
        from: '2021-01-10',
        to: '2021-12-20',
        atStations: false,
        participants: 'SAMPLE',
      },
      {
        type: 'RESEARCH_VISIT',
        count: 11,
        titlePrefix: '调研',
        titleSuffix: '',
        topics: VISIT_TOPICS,
        from: '2021-01-10',
        to: '2021-12-20',
        atStations: false,
        participants: 'SAMPLE',
      },
      {
        type: 'SUPERVISION',
        count: 30,
        titlePrefix: '联合镇纪委督办',
        titleSuffix: '',
        topics: [{ topic: '省级卫生镇创建' }],
        from: '2021-01-10',
        to: '2021-12-20',
        atStations: false,
        participants: 'SAMPLE',
      },
      {
        type: 'LEGAL_OUTREACH',
        count: 10,
        titlePrefix: '',
        titleSuffix: '普法宣传',
        topics: [{ topic: '《民法典》' }, { topic: '《治安管理处罚法》' }, { topic: '《妇女儿童权益保障法》' }],
        from: '2021-01-10',
        to: '2021-12-20',
        atStations: true,
        participants: 'SAMPLE',
      },
    ],
    receptionMonths: [10, 11, 12],
    receptionSubjects: [
      '村级集中供水入户',
      '河道乱堆乱放',
      '疫苗接种咨询',
      '农村危房改造',
      '村道路灯维修',
      '宅基地纠纷',
    ],
    suggestions: {
      mode: 'VARIED',
      topics: [
        { title: '加快村级集中供水管网入户', category: '饮水安全' },
        { title: '清理河道“四乱”问题', category: '生态环境' },
        { title: '完善卫生镇创建长效保洁机制', category: '人居环境' },
        { title: '优化营商环境、简化涉企审批', category: '经济发展' },
        { title: '改善镇卫生院就医条件', category: '医疗卫生' },
        { title: '增设农贸市场停车位', category: '城镇管理' },
        { title: '加强乡村振兴产业项目扶持', category: '乡村振兴' },
        { title: '修缮镇中心小学运动场', category: '教育' },
      ],
      from: '2021-09-29',
      to: '2021-11-30',
      sessionShare: 0.4,
      handlingUnits: ['镇江镇人民政府', '镇农业农村办公室', '镇生态环境办公室', '镇规划建设办公室', '镇社会事务办公室'],
    },
    voterContacts: null,
    latestDate: '2021-12-31',
  },
};
