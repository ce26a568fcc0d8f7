import type { SeedPeriodFigure, SeedQualifier, SeedStation } from '../seed-dataset.js';
import type { TownshipSource } from './township-source.js';

const T = 'unnamed';
const TERM = 'unnamed-term-2';

/** Every figure of this report covers the whole second term, never one year. */
function term2(metricKey: string, value: number, qualifier: SeedQualifier, note: string | null): SeedPeriodFigure {
  return {
    townshipKey: T,
    metricKey,
    periodKind: 'TERM',
    year: null,
    termKey: TERM,
    value,
    qualifier,
    provenance: 'REPORTED',
    note,
  };
}

/**
 * The two stations the report names. Each station picks the 10th or the 20th and the report does not say
 * which, so the day stays unknown rather than invented.
 */
function namedStation(slug: string, company: string): SeedStation {
  return {
    key: `${T}-station-${slug}`,
    townshipKey: T,
    name: `${company}人大代表活动站`,
    kind: 'ACTIVITY_STATION',
    village: null,
    address: `沿河片${company}`,
    openedOn: null,
    receptionSchedule: '每月一次接待日，定在10日或20日（本站取哪一天报告未载明），约3名代表接待',
    scheduleKind: 'MONTHLY_DAY',
    scheduleDayOfMonth: null,
    scheduleWeekday: null,
    scheduleWeekOfMonth: null,
    deputiesPerReception: 3,
    deputiesPerReceptionMin: null,
    provenance: 'REPORTED',
  };
}

/**
 * The unnamed town of unnamed-town-term2.txt: a review of its second term (years not given; it mentions
 * 安宜工业园 and 城南工业园). Its name is a label, not a place name.
 */
export const unnamedTownship: TownshipSource = {
  township: {
    key: T,
    code: 'UNNAMED',
    name: '某镇（第二届主席团报告）',
    nameEn: 'Unnamed town (2nd-term report)',
    sourceReport: 'unnamed-town-term2.txt',
    sourceReportTitle: '镇第二届人大主席团工作总结',
    provenance: 'REPORTED',
  },
  terms: [
    {
      key: TERM,
      townshipKey: T,
      ordinal: 2,
      name: '某镇第二届人民代表大会',
      startedOn: null,
      endedOn: null,
      provenance: 'REPORTED',
    },
  ],
  deputyTermKey: TERM,
  sessions: [],
  elections: [],
  deputyGroups: [],
  stations: [namedStation('xunda', '迅达电磁线公司'), namedStation('kanglong', '康龙玻璃工艺品公司')],
  // The report dates nothing ("XX年"), so it yields figures but no activity rows.
  activities: [],
  suggestions: [],
  periodFigures: [
    term2('inspections', 23, 'AT_LEAST', '仅计经济建设方面的视察23次'),
    term2('deputies_reported_to_voters', 97, 'EXACT', '46名县代表与51名镇代表之和'),
    term2('county_deputies_reported_to_voters', 46, 'EXACT', null),
    term2('township_deputies_reported_to_voters', 51, 'EXACT', null),
    term2('voter_contacts', 10000, 'APPROXIMATE', '近万人次'),
    term2('opinions_collected', 980, 'AT_LEAST', '980多条'),
    term2('stations_established', 8, 'EXACT', '先设6个，沿河镇并入后在沿河片增设2个'),
    term2('station_activities', 120, 'AT_LEAST', '每站15次以上，按8站×15次计下限'),
    term2('research_reports', 3, 'EXACT', '撰写讨论性文章3篇，在县人大研究会交流'),
  ],
  remainderPlacement: {},
  synthetic: {
    // The deputies who reported to voters (46 county + 51 town) are the lower bound of the roll; exactly those.
    deputyCohorts: [
      { level: 'COUNTY_OR_CITY', count: 46, electedOn: null, byElection: false },
      { level: 'TOWNSHIP', count: 51, electedOn: null, byElection: false },
    ],
    minorityEthnicities: ['回族'],
    groupCount: 4,
    // The six first stations are not named: generic names, reception day 10 or 20 picked by the seed.
    stations: {
      count: 6,
      kind: 'ACTIVITY_STATION',
      namePrefix: '',
      nameSuffix: '人大代表活动站',
      schedule: 'MONTHLY_DAY_10_OR_20',
      deputiesPerReception: 3,
    },
    stationAssignment: 'ROUND_ROBIN',
    activities: [],
    receptionMonths: [],
    receptionSubjects: [],
    suggestions: {
      mode: 'VARIED',
      topics: [
        { title: '加强安宜工业园基础设施配套', category: '工业经济' },
        { title: '完善城南工业园项目帮办责任制', category: '招商引资' },
        { title: '加快农村通达工程建设', category: '交通建设' },
        { title: '增加城区街巷保洁人员', category: '城镇管理' },
        { title: '改造社区旱厕', category: '人居环境' },
        { title: '推进村庄河塘清理', category: '生态环境' },
      ],
      from: '2021-02-01',
      to: '2021-10-31',
      sessionShare: 0,
      handlingUnits: ['镇人民政府', '镇经济发展办公室', '镇城市管理办公室', '镇农业服务中心'],
    },
    voterContacts: null,
    latestDate: '2021-12-31',
  },
};
