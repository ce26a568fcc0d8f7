import type { SeedPeriodFigure, SeedQualifier } from '../seed-dataset.js';
import type { TownshipSource } from './township-source.js';

const T = 'hemao';
/**
 * The report reviews "five years" without naming the term's ordinal (届次). The contract needs a number:
 * 1 is a placeholder used only for sorting, and the name says the ordinal is not stated.
 */
const TERM = 'hemao-term-2016-2021';

function figure(
  metricKey: string,
  period: 'YEAR' | 'TERM',
  value: number | null,
  qualifier: SeedQualifier,
  note: string | null,
): SeedPeriodFigure {
  return {
    townshipKey: T,
    metricKey,
    periodKind: period,
    year: period === 'YEAR' ? 2021 : null,
    termKey: period === 'TERM' ? TERM : null,
    value,
    qualifier,
    provenance: 'REPORTED',
    note,
  };
}

/**
 * 鹤毛镇, hemao-2021.txt: 2021 summary, a five-year review and plans. The file ends with mis-decoded
 * (garbled) text that repeats the five-year review; it was ignored.
 */
export const hemaoTownship: TownshipSource = {
  township: {
    key: T,
    code: 'HEMAO',
    name: '鹤毛镇',
    nameEn: 'Hemao Town',
    sourceReport: 'hemao-2021.txt',
    sourceReportTitle: '鹤毛镇2021年人大工作总结',
    provenance: 'REPORTED',
  },
  terms: [
    {
      key: TERM,
      townshipKey: T,
      // The report never gives the term's number.
      ordinal: null,
      name: '鹤毛镇本届人民代表大会（2016—2021，届次未载明）',
      startedOn: null,
      endedOn: null,
      provenance: 'REPORTED',
    },
  ],
  deputyTermKey: TERM,
  // Nine sessions (例会) over five years, none dated: kept as a TERM figure, not as session rows.
  sessions: [],
  elections: [],
  deputyGroups: [],
  stations: [
    {
      // Mentioned as being built up; no schedule is given.
      key: `${T}-station-publicity`,
      townshipKey: T,
      name: '鹤毛镇人大宣传联络站',
      kind: 'LIAISON_STATION',
      village: null,
      address: null,
      openedOn: null,
      receptionSchedule: null,
      scheduleKind: null,
      scheduleDayOfMonth: null,
      scheduleWeekday: null,
      scheduleWeekOfMonth: null,
      deputiesPerReception: null,
      deputiesPerReceptionMin: null,
      provenance: 'REPORTED',
    },
  ],
  // No dated congress activity; the 2020-07-18 flood relief is disaster work, not a congress activity type.
  activities: [],
  suggestions: [],
  periodFigures: [
    figure('presidium_meetings', 'YEAR', 5, 'EXACT', null),
    figure('meetings_held', 'TERM', 9, 'EXACT', '五年间召开人大例会9次'),
    figure('county_deputies_by_elected', 'TERM', 3, 'EXACT', '五年间补选市人大代表'),
    figure('township_deputies_by_elected', 'TERM', 2, 'EXACT', '五年间补选镇人大代表'),
    figure('research_reports', 'TERM', 2, 'EXACT', '完成市人大交办的调研报告'),
  ],
  remainderPlacement: {},
  synthetic: {
    deputyCohorts: [
      { level: 'TOWNSHIP', count: 44, electedOn: null, byElection: false },
      // The by-elected deputies match the reported term figures (2 township, 3 city).
      { level: 'TOWNSHIP', count: 2, electedOn: null, byElection: true },
      { level: 'COUNTY_OR_CITY', count: 4, electedOn: null, byElection: false },
      { level: 'COUNTY_OR_CITY', count: 3, electedOn: null, byElection: true },
    ],
    minorityEthnicities: ['回族'],
    groupCount: 3,
    stations: null,
    stationAssignment: 'NONE',
    activities: [
      {
        type: 'PRESIDIUM_MEETING',
        count: 5,
        titlePrefix: '主席团会议：',
        titleSuffix: '',
        topics: [{ topic: '传达上级会议和文件精神' }, { topic: '部署阶段性人大工作' }],
        from: '2021-01-10',
        to: '2021-12-20',
        atStations: false,
        participants: 'SAMPLE',
      },
    ],
    receptionMonths: [],
    receptionSubjects: [],
    suggestions: {
      mode: 'VARIED',
      topics: [
        { title: '加快万年台景区旅游规划建设', category: '文化旅游' },
        { title: '加强美丽乡村建成点长效管护', category: '人居环境' },
        { title: '扶持生猪规模养殖恢复产能', category: '产业发展' },
        { title: '加固杨塘圩防洪堤坝', category: '防汛减灾' },
        { title: '完善外出务工人员留守家庭帮扶', category: '社会事务' },
        { title: '推广生态种养殖技术培训', category: '农业技术' },
      ],
      from: '2021-02-01',
      to: '2021-10-31',
      sessionShare: 0,
      handlingUnits: ['鹤毛镇人民政府', '镇农业农村办公室', '镇文化旅游办公室', '镇应急管理办公室'],
    },
    voterContacts: null,
    latestDate: '2021-12-31',
  },
};
