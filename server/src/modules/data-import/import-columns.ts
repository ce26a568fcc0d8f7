import { ActivityType } from '../activity/activity-type.enum.js';
import { Attendance } from '../activity/attendance.enum.js';
import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { DeputyLevel } from '../deputy/deputy-level.enum.js';
import { Gender } from '../deputy/gender.enum.js';
import { OccupationCategory } from '../deputy/occupation-category.enum.js';
import { PartyAffiliation } from '../deputy/party-affiliation.enum.js';
import { ReceptionScheduleKind } from '../station/reception-schedule-kind.enum.js';
import { StationKind } from '../station/station-kind.enum.js';
import { SuggestionKind } from '../suggestion/suggestion-kind.enum.js';
import { VoterContactKind } from '../voter-contact/voter-contact-kind.enum.js';
import { ImportSheetKind } from './import-sheet-kind.enum.js';

/**
 * The layout of every sheet: Chinese headers (what a clerk's register already calls the column), the
 * cell type, the Chinese labels of enumerations (the drop-down lists of the template), and an example.
 * Templates, the reader and the export all work from this one table, so they cannot disagree.
 */
export type CellType = 'text' | 'int' | 'number' | 'date' | 'bool' | 'enum' | 'names';

export interface ImportColumn {
  key: string;
  header: string;
  type: CellType;
  required?: boolean;
  /** enum value → Chinese label; a cell may hold either */
  labels?: Record<string, string>;
  example: string;
  note?: string;
}

export interface ImportSheet {
  kind: ImportSheetKind;
  /** sheet name in the workbook, also the CSV file name */
  name: string;
  /** the natural key, in words, for the notes sheet */
  keyNote: string;
  columns: ImportColumn[];
}

const GENDER: Record<Gender, string> = { MALE: '男', FEMALE: '女' };
const LEVEL: Record<DeputyLevel, string> = { COUNTY_OR_CITY: '县（市）人大代表', TOWNSHIP: '乡镇人大代表' };
const PARTY: Record<PartyAffiliation, string> = { CPC: '中共党员', DEMOCRATIC_PARTY: '民主党派', NONE: '群众' };
const OCCUPATION: Record<OccupationCategory, string> = {
  WORKER: '工人',
  FARMER: '农民',
  PROFESSIONAL: '专业技术人员',
  OFFICIAL: '党政干部',
  ENTERPRISE: '企业负责人',
  MILITARY: '解放军',
  OTHER: '其他',
};
const STATION_KIND: Record<StationKind, string> = { LIAISON_STATION: '代表联络站', ACTIVITY_STATION: '代表活动站' };
const SCHEDULE_KIND: Record<ReceptionScheduleKind, string> = {
  MONTHLY_DAY: '每月固定日',
  MONTHLY_LAST_WEEKDAY: '每月最后一周某日',
  MONTHLY_NTH_WEEKDAY: '每月第几周某日',
  IRREGULAR: '不定期',
};
const ACTIVITY_TYPE: Record<ActivityType, string> = {
  INSPECTION: '视察',
  RESEARCH_VISIT: '调研',
  LAW_ENFORCEMENT_CHECK: '执法检查',
  SUPERVISION: '督导督办',
  STUDY: '学习培训',
  VOTER_RECEPTION: '接待选民',
  VOTER_VISIT: '走访选民',
  REPORT_TO_VOTERS: '述职',
  DEPUTY_GROUP_ACTIVITY: '代表小组活动',
  PRESIDIUM_MEETING: '主席团会议',
  CONGRESS_SESSION: '人代会',
  DEPUTY_MEETING: '代表会议',
  GOVERNMENT_REPORT_HEARING: '听取审议',
  LEGAL_OUTREACH: '普法宣传',
};
const PRECISION: Record<DatePrecision, string> = { DAY: '日', MONTH: '仅知月份', YEAR: '仅知年份' };
const CONTACT_KIND: Record<VoterContactKind, string> = { VISIT: '来访', LETTER: '来信' };
const SUGGESTION_KIND: Record<SuggestionKind, string> = { SUGGESTION: '建议', OPINION: '意见', MOTION: '议案' };
/** Participants' attendance is written after the name: 张三（请假）. */
export const ATTENDANCE_LABELS: Record<Attendance, string> = { PRESENT: '出席', EXCUSED: '请假', ABSENT: '缺席' };

export const IMPORT_SHEETS: readonly ImportSheet[] = [
  {
    kind: ImportSheetKind.DEPUTY_GROUPS,
    name: '代表小组',
    keyNote: '小组名称',
    columns: [{ key: 'name', header: '小组名称', type: 'text', required: true, example: '第一代表小组（示例）' }],
  },
  {
    kind: ImportSheetKind.STATIONS,
    name: '代表联络站',
    keyNote: '站点名称',
    columns: [
      { key: 'name', header: '站点名称', type: 'text', required: true, example: '群利镇人大代表联络站' },
      { key: 'kind', header: '类型', type: 'enum', labels: STATION_KIND, example: '代表联络站' },
      { key: 'village', header: '村（社区）', type: 'text', example: '新华村' },
      { key: 'address', header: '地址', type: 'text', example: '群利镇新华村村委会二楼' },
      { key: 'openedOn', header: '设立日期', type: 'date', example: '2022-03-01' },
      { key: 'receptionSchedule', header: '接待时间', type: 'text', example: '每月最后一周的星期二上午' },
      { key: 'scheduleKind', header: '接待规律', type: 'enum', labels: SCHEDULE_KIND, example: '每月最后一周某日' },
      {
        key: 'scheduleDayOfMonth',
        header: '每月几日',
        type: 'int',
        example: '',
        note: '1–31，接待规律为“每月固定日”时填',
      },
      { key: 'scheduleWeekday', header: '星期几', type: 'int', example: '2', note: '1–7（星期一为 1）' },
      {
        key: 'scheduleWeekOfMonth',
        header: '第几周',
        type: 'int',
        example: '',
        note: '1–4，接待规律为“每月第几周某日”时填',
      },
      {
        key: 'deputiesPerReception',
        header: '每次接待代表数',
        type: 'int',
        example: '3',
        note: '1–999；范围时填最多人数',
      },
      {
        key: 'deputiesPerReceptionMin',
        header: '每次接待代表数（最少）',
        type: 'int',
        example: '1',
        note: '范围“1—3名”时填 1',
      },
    ],
  },
  {
    kind: ImportSheetKind.DEPUTIES,
    name: '代表名册',
    keyNote: '姓名 + 届次',
    columns: [
      { key: 'name', header: '姓名', type: 'text', required: true, example: '张三' },
      {
        key: 'term',
        header: '届次',
        type: 'text',
        required: true,
        example: '第八届',
        note: '须为本乡镇已有的届次名称',
      },
      { key: 'gender', header: '性别', type: 'enum', required: true, labels: GENDER, example: '男' },
      { key: 'birthYear', header: '出生年份', type: 'int', example: '1975' },
      { key: 'ethnicity', header: '民族', type: 'text', example: '汉族' },
      { key: 'party', header: '政治面貌', type: 'enum', labels: PARTY, example: '中共党员' },
      { key: 'occupationCategory', header: '代表结构类别', type: 'enum', labels: OCCUPATION, example: '农民' },
      { key: 'level', header: '代表层级', type: 'enum', required: true, labels: LEVEL, example: '乡镇人大代表' },
      { key: 'electedOn', header: '当选日期', type: 'date', example: '2021-10-15', note: '须在届次的起止日期之内' },
      { key: 'byElection', header: '补选', type: 'bool', example: '否', note: '是 / 否' },
      {
        key: 'group',
        header: '代表小组',
        type: 'text',
        example: '第一代表小组（示例）',
        note: '小组名称（本文件或系统中已有）',
      },
      {
        key: 'station',
        header: '联络站',
        type: 'text',
        example: '群利镇人大代表联络站',
        note: '站点名称（本文件或系统中已有）',
      },
      { key: 'contactPhone', header: '联系电话', type: 'text', example: '13800000000' },
    ],
  },
  {
    kind: ImportSheetKind.ACTIVITIES,
    name: '代表活动',
    keyNote: '日期 + 标题（同一日期、同一标题的多行按出现次数计）',
    columns: [
      { key: 'occurredOn', header: '日期', type: 'date', required: true, example: '2026-03-12' },
      { key: 'datePrecision', header: '日期精度', type: 'enum', labels: PRECISION, example: '日' },
      { key: 'type', header: '活动类型', type: 'enum', required: true, labels: ACTIVITY_TYPE, example: '视察' },
      { key: 'title', header: '标题', type: 'text', required: true, example: '视察农村道路建设' },
      { key: 'topic', header: '主题', type: 'text', example: '农村公路' },
      { key: 'place', header: '地点', type: 'text', example: '新华村' },
      { key: 'station', header: '联络站', type: 'text', example: '' },
      { key: 'group', header: '代表小组', type: 'text', example: '第一代表小组（示例）' },
      {
        key: 'participants',
        header: '参加代表',
        type: 'names',
        example: '张三、李四（请假）',
        note: '姓名以“、”分隔；请假、缺席写在括号内',
      },
      { key: 'outcome', header: '活动成果', type: 'text', example: '' },
    ],
  },
  {
    kind: ImportSheetKind.VOTER_CONTACTS,
    name: '群众来访来信',
    keyNote: '日期 + 类型 + 事由（同样的多行按出现次数计）',
    columns: [
      { key: 'receivedOn', header: '日期', type: 'date', required: true, example: '2026-04-02' },
      { key: 'kind', header: '类型', type: 'enum', required: true, labels: CONTACT_KIND, example: '来访' },
      { key: 'subject', header: '事由', type: 'text', required: true, example: '反映村道路灯损坏' },
      { key: 'station', header: '联络站', type: 'text', example: '群利镇人大代表联络站' },
      { key: 'deputy', header: '接待代表', type: 'text', example: '张三' },
      { key: 'repliedOn', header: '答复日期', type: 'date', example: '2026-04-10' },
    ],
  },
  {
    kind: ImportSheetKind.SUGGESTIONS,
    name: '代表建议',
    keyNote: '提出日期 + 标题（同样的多行按出现次数计）',
    columns: [
      { key: 'submittedOn', header: '提出日期', type: 'date', required: true, example: '2026-02-20' },
      { key: 'kind', header: '类型', type: 'enum', labels: SUGGESTION_KIND, example: '建议' },
      { key: 'title', header: '标题', type: 'text', required: true, example: '关于改善农村饮水的建议' },
      { key: 'category', header: '类别', type: 'text', example: '城乡建设' },
      { key: 'proposers', header: '提出代表', type: 'names', example: '张三、李四', note: '姓名以“、”分隔' },
    ],
  },
  {
    kind: ImportSheetKind.QUARTERLY_FIGURES,
    name: '季度数据',
    keyNote: '年份 + 季度 + 指标代码',
    columns: [
      { key: 'year', header: '年份', type: 'int', required: true, example: '2025' },
      { key: 'quarter', header: '季度', type: 'int', required: true, example: '4', note: '1–4' },
      {
        key: 'metricKey',
        header: '指标代码',
        type: 'text',
        required: true,
        example: 'inspections',
        note: '见指标目录（数据字典）',
      },
      { key: 'value', header: '数值', type: 'number', required: true, example: '3', note: '不小于 0' },
    ],
  },
];

export function sheetOf(kind: ImportSheetKind): ImportSheet {
  return IMPORT_SHEETS.find((sheet) => sheet.kind === kind)!;
}
