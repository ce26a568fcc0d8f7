import type { SeedActivityType, SeedGender } from '../seed-dataset.js';
import { ChineseNameGenerator } from '../synthetic/chinese-name-generator.js';
import { SeededRandom } from '../synthetic/seeded-random.js';
import { stratifiedDate } from '../synthetic/stratified-date.js';
import type { CopyValue } from './copy-text.js';
import { scaleId } from './scale-ids.js';
import { SCALE_METRIC_KEYS, SCALE_QUARTERS, countyOfTownship, type ScaleTier } from './scale-tiers.js';

/** One table's COPY: its columns and a generator of rows in that order. */
export interface TableSpec {
  table: string;
  columns: readonly string[];
  rows(tier: ScaleTier): Iterable<CopyValue[]>;
}

/** Every generated row says so, wherever the table has a provenance column. */
const SYNTHETIC = 'SYNTHETIC';
const WINDOW_FROM = '2024-07-01';
const WINDOW_TO = '2026-06-30';
const STATIONS = 3;
const GROUPS = 4;
const PARTICIPANTS = 2;

const ACTIVITY_TYPES: readonly (readonly [SeedActivityType, string])[] = [
  ['INSPECTION', '视察'],
  ['RESEARCH_VISIT', '调研'],
  ['LAW_ENFORCEMENT_CHECK', '执法检查'],
  ['SUPERVISION', '督办督导'],
  ['STUDY', '学习培训'],
  ['VOTER_RECEPTION', '代表接待日'],
  ['VOTER_VISIT', '走访选民'],
  ['DEPUTY_GROUP_ACTIVITY', '代表小组活动'],
  ['PRESIDIUM_MEETING', '主席团会议'],
  ['DEPUTY_MEETING', '代表会议'],
  ['LEGAL_OUTREACH', '普法宣传'],
  ['GOVERNMENT_REPORT_HEARING', '听取政府工作报告'],
];
const TOPICS = ['乡村振兴', '人居环境整治', '农村道路建设', '饮水安全', '养老服务', '义务教育', '医疗卫生', '安全生产'];

/**
 * How many rows of each kind a township has. Seeded by the township's index only (not the tier), so
 * township 7 is identical at every tier and the tiers differ only in how many townships they hold.
 */
export interface TownshipShape {
  deputies: number;
  activities: number;
  suggestions: number;
  voterContacts: number;
}

export function townshipShape(township: number): TownshipShape {
  const rng = new SeededRandom(`scale:shape:${township}`);
  return {
    deputies: rng.int(40, 66),
    activities: rng.int(420, 630),
    suggestions: rng.int(10, 30),
    voterContacts: rng.int(20, 60),
  };
}

function* eachTownship(tier: ScaleTier): Generator<{ t: number; c: string; tw: string; shape: TownshipShape }> {
  for (let t = 0; t < tier.townships; t++) {
    yield {
      t,
      c: scaleId('county', 0, countyOfTownship(tier, t)),
      tw: scaleId('township', 0, t),
      shape: townshipShape(t),
    };
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const countyCode = (county: number) => `C${pad(county + 1, 5)}`;
export const townshipCode = (township: number) => `T${pad(township + 1, 6)}`;

const TENANT = ['id', 'township_id', 'county_id', 'provenance'] as const;

/** The tables a tier fills; the platform's metric catalog is not among them: every database has it from its migrations. */
export const TABLE_SPECS: readonly TableSpec[] = [
  {
    table: 'county',
    columns: ['id', 'code', 'name', 'name_en'],
    *rows(tier) {
      for (let c = 0; c < tier.counties; c++) {
        yield [scaleId('county', 0, c), countyCode(c), `合成县${pad(c + 1, 5)}`, `Synthetic county ${c + 1}`];
      }
    },
  },
  {
    table: 'township',
    columns: ['id', 'county_id', 'code', 'name', 'name_en', 'source_report', 'provenance'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier)) {
        yield [tw, c, townshipCode(t), `合成乡${pad(t + 1, 6)}`, `Synthetic township ${t + 1}`, null, SYNTHETIC];
      }
    },
  },
  {
    table: 'term',
    columns: [...TENANT, 'ordinal', 'name', 'started_on', 'ended_on'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier))
        yield [scaleId('term', t, 0), tw, c, SYNTHETIC, 8, '第八届', '2021-10-01', null];
    },
  },
  {
    table: 'station',
    columns: [...TENANT, 'name', 'kind', 'village', 'opened_on'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier)) {
        for (let s = 0; s < STATIONS; s++) {
          yield [
            scaleId('station', t, s),
            tw,
            c,
            SYNTHETIC,
            `第${s + 1}代表联络站`,
            'LIAISON_STATION',
            `${s + 1}村`,
            '2022-01-01',
          ];
        }
      }
    },
  },
  {
    table: 'deputy_group',
    columns: [...TENANT, 'name'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier)) {
        for (let g = 0; g < GROUPS; g++) yield [scaleId('deputyGroup', t, g), tw, c, SYNTHETIC, `第${g + 1}代表小组`];
      }
    },
  },
  {
    table: 'deputy',
    columns: [
      ...TENANT,
      'term_id',
      'group_id',
      'station_id',
      'name',
      'gender',
      'birth_year',
      'ethnicity',
      'party',
      'occupation_category',
      'level',
      'status',
      'elected_on',
      'by_election',
    ],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:deputy:${t}`);
        const names = new ChineseNameGenerator(rng);
        for (let d = 0; d < shape.deputies; d++) {
          const gender: SeedGender = rng.chance(0.3) ? 'FEMALE' : 'MALE';
          yield [
            scaleId('deputy', t, d),
            tw,
            c,
            SYNTHETIC,
            scaleId('term', t, 0),
            scaleId('deputyGroup', t, d % GROUPS),
            scaleId('station', t, d % STATIONS),
            names.next(gender),
            gender,
            rng.int(1960, 1995),
            '汉族',
            rng.weighted([
              ['CPC', 70],
              ['NONE', 28],
              ['DEMOCRATIC_PARTY', 2],
            ] as const),
            rng.pick(['WORKER', 'FARMER', 'PROFESSIONAL', 'OFFICIAL', 'ENTERPRISE'] as const),
            rng.chance(0.15) ? 'COUNTY_OR_CITY' : 'TOWNSHIP',
            'ACTIVE',
            '2021-10-15',
            false,
          ];
        }
      }
    },
  },
  {
    table: 'activity',
    columns: [...TENANT, 'type', 'occurred_on', 'date_precision', 'title', 'topic', 'place', 'station_id', 'group_id'],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:activity:${t}`);
        for (let a = 0; a < shape.activities; a++) {
          const [type, label] = rng.pick(ACTIVITY_TYPES);
          const topic = rng.pick(TOPICS);
          yield [
            scaleId('activity', t, a),
            tw,
            c,
            SYNTHETIC,
            type,
            stratifiedDate(rng, WINDOW_FROM, WINDOW_TO, a, shape.activities),
            'DAY',
            `${topic}${label}（合成）`,
            topic,
            null,
            type === 'VOTER_RECEPTION' ? scaleId('station', t, a % STATIONS) : null,
            type === 'DEPUTY_GROUP_ACTIVITY' ? scaleId('deputyGroup', t, a % GROUPS) : null,
          ];
        }
      }
    },
  },
  {
    table: 'activity_participant',
    columns: [...TENANT, 'activity_id', 'deputy_id', 'attendance'],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:participant:${t}`);
        for (let a = 0; a < shape.activities; a++) {
          // Distinct deputies: the second is offset from the first by 1 … deputies-1.
          const first = rng.int(0, shape.deputies - 1);
          const second = (first + rng.int(1, shape.deputies - 1)) % shape.deputies;
          for (const [p, d] of [first, second].slice(0, PARTICIPANTS).entries()) {
            yield [
              scaleId('participant', t, a * PARTICIPANTS + p),
              tw,
              c,
              SYNTHETIC,
              scaleId('activity', t, a),
              scaleId('deputy', t, d),
              'PRESENT',
            ];
          }
        }
      }
    },
  },
  {
    table: 'suggestion',
    columns: [...TENANT, 'kind', 'title', 'category', 'submitted_on', 'state'],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:suggestion:${t}`);
        for (let s = 0; s < shape.suggestions; s++) {
          const topic = rng.pick(TOPICS);
          yield [
            scaleId('suggestion', t, s),
            tw,
            c,
            SYNTHETIC,
            'SUGGESTION',
            `关于加强${topic}的建议（合成）`,
            topic,
            stratifiedDate(rng, WINDOW_FROM, WINDOW_TO, s, shape.suggestions),
            'SUBMITTED',
          ];
        }
      }
    },
  },
  {
    table: 'suggestion_proposer',
    columns: [...TENANT, 'suggestion_id', 'deputy_id'],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        for (let s = 0; s < shape.suggestions; s++) {
          yield [
            scaleId('proposer', t, s),
            tw,
            c,
            SYNTHETIC,
            scaleId('suggestion', t, s),
            scaleId('deputy', t, s % shape.deputies),
          ];
        }
      }
    },
  },
  {
    table: 'voter_contact',
    columns: [...TENANT, 'kind', 'received_on', 'station_id', 'deputy_id', 'subject', 'replied'],
    *rows(tier) {
      for (const { t, c, tw, shape } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:voter-contact:${t}`);
        for (let v = 0; v < shape.voterContacts; v++) {
          const visit = rng.chance(0.7);
          yield [
            scaleId('voterContact', t, v),
            tw,
            c,
            SYNTHETIC,
            visit ? 'VISIT' : 'LETTER',
            stratifiedDate(rng, WINDOW_FROM, WINDOW_TO, v, shape.voterContacts),
            visit ? scaleId('station', t, v % STATIONS) : null,
            scaleId('deputy', t, rng.int(0, shape.deputies - 1)),
            `反映${rng.pick(TOPICS)}问题（合成）`,
            false,
          ];
        }
      }
    },
  },
  {
    table: 'quarterly_report',
    columns: [...TENANT, 'year', 'quarter', 'state', 'version', 'revision', 'submitted_at', 'late'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier)) {
        for (const [q, { year, quarter }] of SCALE_QUARTERS.entries()) {
          // Accepted, so comparisons read them; submitted on the 5th of the following month.
          const submitted = new Date(Date.UTC(year, quarter * 3, 5)).toISOString();
          yield [scaleId('report', t, q), tw, c, SYNTHETIC, year, quarter, 'ACCEPTED', 1, 0, submitted, false];
        }
      }
    },
  },
  {
    table: 'quarterly_report_value',
    columns: [...TENANT, 'report_id', 'metric_key', 'recorded_value', 'reported_value', 'qualifier'],
    *rows(tier) {
      for (const { t, c, tw } of eachTownship(tier)) {
        const rng = new SeededRandom(`scale:report-value:${t}`);
        for (let q = 0; q < SCALE_QUARTERS.length; q++) {
          for (const [k, key] of SCALE_METRIC_KEYS.entries()) {
            yield [
              scaleId('reportValue', t, q * SCALE_METRIC_KEYS.length + k),
              tw,
              c,
              SYNTHETIC,
              scaleId('report', t, q),
              key,
              null,
              rng.int(0, 15),
              'EXACT',
            ];
          }
        }
      }
    },
  },
];

/** Demo accounts: staff, analyst and admin per county, clerk and viewer per township (all share one hash). */
export function userRows(tier: ScaleTier, passwordHash: string): Iterable<CopyValue[]> {
  return (function* () {
    const countyRoles = [
      ['COUNTY_STAFF', 'staff'],
      ['ANALYST', 'analyst'],
      ['COUNTY_ADMIN', 'admin'],
    ] as const;
    for (let c = 0; c < tier.counties; c++) {
      for (const [r, [role, suffix]] of countyRoles.entries()) {
        const login = `${countyCode(c).toLowerCase()}.${suffix}`;
        yield [
          scaleId('user', 0, c * 8 + r),
          login,
          `${login}（合成）`,
          passwordHash,
          role,
          scaleId('county', 0, c),
          null,
          true,
        ];
      }
    }
    const townshipRoles = [
      ['TOWNSHIP_CLERK', 'clerk'],
      ['TOWNSHIP_VIEWER', 'viewer'],
    ] as const;
    for (const { t, c, tw } of eachTownship(tier)) {
      for (const [r, [role, suffix]] of townshipRoles.entries()) {
        const login = `${townshipCode(t).toLowerCase()}.${suffix}`;
        yield [scaleId('user', 1, t * 2 + r), login, `${login}（合成）`, passwordHash, role, c, tw, true];
      }
    }
  })();
}

export const USER_COLUMNS = [
  'id',
  'login',
  'display_name',
  'password_hash',
  'role',
  'county_id',
  'township_id',
  'demo_credentials',
] as const;

/** Ids the benchmarks address rows by. */
export const scaleRefs = {
  county: (county: number) => scaleId('county', 0, county),
  township: (township: number) => scaleId('township', 0, township),
  clerk: (township: number) => scaleId('user', 1, township * 2),
  staff: (county: number) => scaleId('user', 0, county * 8),
  analyst: (county: number) => scaleId('user', 0, county * 8 + 1),
};
