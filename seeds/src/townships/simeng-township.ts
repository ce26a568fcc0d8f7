import type { SeedPeriodFigure, SeedQualifier } from '../seed-dataset.js';
import type { TownshipSource } from './township-source.js';

const T = 'simeng';
const TERM = 'simeng-term-2';
const SESSION = 'simeng-term-2-session-1';
/** The report is signed 2021-12-01, so nothing it counts can be dated later. */
const REPORT_DATE_LIMIT = '2021-11-30';

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

/** 思蒙镇, simeng-2021.txt: 2021 summary and 2022 plan (11 suggestions all completed, 25 visits, 3 letters). */
export const simengTownship: TownshipSource = {
  township: {
    key: T,
    code: 'SIMENG',
    name: '思蒙镇',
    nameEn: 'Simeng Town',
    sourceReport: 'simeng-2021.txt',
    sourceReportTitle: '思蒙镇2021年人大工作总结及2022年工作计划',
    provenance: 'REPORTED',
  },
  terms: [
    {
      key: TERM,
      townshipKey: T,
      ordinal: 2,
      name: '思蒙镇第二届人民代表大会',
      startedOn: '2021-08-30',
      endedOn: null,
      provenance: 'REPORTED',
    },
  ],
  deputyTermKey: TERM,
  sessions: [
    // Only the opening day is given.
    {
      key: SESSION,
      termKey: TERM,
      sessionNumber: 1,
      name: '思蒙镇第二届人民代表大会第一次会议',
      startsOn: '2021-08-30',
      endsOn: null,
      provenance: 'REPORTED',
    },
  ],
  // The report gives no election date or figures.
  elections: [],
  deputyGroups: [],
  stations: [],
  activities: [
    {
      slug: '2021-08-30-term-2-session-1',
      type: 'CONGRESS_SESSION',
      occurredOn: '2021-08-30',
      datePrecision: 'DAY',
      title: '第二届人民代表大会第一次会议',
      topic: null,
      place: null,
      stationKey: null,
      groupKey: null,
      sessionKey: SESSION,
      outcome:
        '选出镇长、人大主席、人大副主席和3名副镇长；票决通过2个民生实事项目（二桥至思蒙路段提质改造、统溪河至思蒙黄金旅游通道）',
    },
  ],
  suggestions: [],
  periodFigures: [
    year2021('meetings_held', 1, 'AT_LEAST', '报告未给总数，按所列会议计数（下限）'),
    year2021('livelihood_projects_voted', 2, 'EXACT', '二届一次会议票决'),
    year2021(
      'law_enforcement_checks',
      6,
      'EXACT',
      '8类事项：禁捕退捕/森林防火/抗洪救灾/交通整治/环境整治/乱占耕地建房/防溺水/扫黑除恶',
    ),
    year2021('government_reports_heard', 1, 'EXACT', null),
    year2021('suggestions_received', 11, 'EXACT', '代表意见建议11件'),
    year2021('suggestions_replied', 11, 'EXACT', '报告称件件有答复'),
    year2021('suggestions_completed', 11, 'EXACT', '由11件、办结率100%推得'),
    year2021('suggestion_completion_rate', 100, 'EXACT', null),
    year2021('visitors_received', 25, 'EXACT', null),
    year2021('letters_received', 3, 'EXACT', '由答复3件、答复率100%推得'),
    year2021('letters_answered', 3, 'EXACT', null),
    year2021('letter_reply_rate', 100, 'EXACT', null),
  ],
  remainderPlacement: { livelihood_projects_voted: '2021-08-30' },
  synthetic: {
    deputyCohorts: [
      { level: 'TOWNSHIP', count: 52, electedOn: null, byElection: false },
      { level: 'COUNTY_OR_CITY', count: 6, electedOn: null, byElection: false },
    ],
    minorityEthnicities: ['彝族', '回族'],
    groupCount: 3,
    stations: {
      count: 2,
      kind: 'LIAISON_STATION',
      namePrefix: '思蒙镇',
      nameSuffix: '片区人大代表联络站',
      schedule: 'MONTHLY_NTH_WEEKDAY',
      deputiesPerReception: 2,
    },
    stationAssignment: 'ROUND_ROBIN',
    activities: [
      {
        type: 'LAW_ENFORCEMENT_CHECK',
        count: 6,
        titlePrefix: '',
        titleSuffix: '执法检查',
        // Six checks covered eight areas: the eight are folded into six topics, each in a plausible season.
        topics: [
          { topic: '森林防火', from: '2021-01-10', to: '2021-03-31' },
          { topic: '禁捕退捕', from: '2021-03-01', to: '2021-05-31' },
          { topic: '交通问题顽瘴痼疾集中整治', from: '2021-04-01', to: '2021-06-30' },
          { topic: '防溺水与扫黑除恶', from: '2021-06-01', to: '2021-07-31' },
          { topic: '抗洪救灾', from: '2021-07-01', to: '2021-08-31' },
          { topic: '环境整治与农村乱占耕地建房', from: '2021-09-01', to: REPORT_DATE_LIMIT },
        ],
        from: '2021-01-10',
        to: REPORT_DATE_LIMIT,
        atStations: false,
        participants: 'SAMPLE',
      },
      {
        type: 'GOVERNMENT_REPORT_HEARING',
        count: 1,
        titlePrefix: '听取',
        titleSuffix: '',
        topics: [{ topic: '镇政府工作汇报' }],
        from: '2021-09-15',
        to: REPORT_DATE_LIMIT,
        atStations: false,
        participants: 'SAMPLE',
      },
    ],
    // The 25 reported visits are generated below; reception days would add visits beyond that figure.
    receptionMonths: [],
    receptionSubjects: [],
    suggestions: {
      mode: 'ALL_COMPLETED',
      topics: [
        { title: '加快二桥至思蒙路段提质改造进度', category: '交通建设' },
        { title: '完善统溪河至思蒙旅游通道配套设施', category: '文化旅游' },
        { title: '湿地公园健身步道增设照明', category: '公共设施' },
        { title: '加固沿河防洪堤段', category: '防汛减灾' },
        { title: '增设河道防溺水警示牌', category: '公共安全' },
        { title: '改善场镇集中供水水压', category: '饮水安全' },
        { title: '整治场镇占道经营', category: '人居环境' },
        { title: '增设农村垃圾转运点', category: '人居环境' },
        { title: '扶持村集体茶叶产业基地', category: '产业发展' },
        { title: '完善防返贫监测帮扶台账', category: '乡村振兴' },
        { title: '维修村小学围墙', category: '教育' },
      ],
      // All filed by the new term's deputies so they can be completed before the report date.
      from: '2021-08-30',
      to: '2021-09-30',
      sessionShare: 0.5,
      handlingUnits: ['思蒙镇人民政府', '镇规划建设办公室', '镇应急管理办公室', '镇农业农村办公室', '镇社会事务办公室'],
    },
    voterContacts: {
      visits: 25,
      letters: 3,
      lettersAllReplied: true,
      from: '2021-01-05',
      to: REPORT_DATE_LIMIT,
      subjects: [
        '土地承包经营权咨询',
        '民法典继承问题咨询',
        '宅基地纠纷',
        '灾后房屋重建补助',
        '低保资格',
        '饮水管网入户',
        '道路积水',
      ],
    },
    latestDate: REPORT_DATE_LIMIT,
  },
};
