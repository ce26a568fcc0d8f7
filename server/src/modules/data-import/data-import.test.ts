import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { townshipRows, type TownshipRows } from '../../test-support/township-rows.js';

const REPORT = `fileName committed importId sheets { kind sheet rows created unchanged } problems { sheet kind row column reason messageZh messageEn }`;
const PREVIEW = `mutation ($input: ImportFileInput!) { previewImport(input: $input) { ${REPORT} } }`;
const COMMIT = `mutation ($input: ImportFileInput!) { commitImport(input: $input) { ${REPORT} } }`;
const TABLES = [
  'deputy_group',
  'station',
  'deputy',
  'activity',
  'activity_participant',
  'voter_contact',
  'suggestion',
  'suggestion_proposer',
  'quarterly_report_value',
];

interface Problem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  reason: string;
  messageZh: string;
}
interface Report {
  committed: boolean;
  importId: string | null;
  sheets: { kind: string; rows: number; created: number; unchanged: number }[];
  problems: Problem[];
}

type Sheets = Record<string, (string | number)[][]>;

async function workbook(sheets: Sheets): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const DEPUTY_HEAD = ['姓名', '届次', '性别', '出生年份', '代表层级', '当选日期', '代表小组', '联络站'];

describe('import from Excel and CSV', () => {
  let t: TestServer;
  let own: TownshipRows;
  let foreign: TownshipRows;
  let term: { name: string; started_on: string; ended_on: string | null };
  let foreignStation: string;

  const send = async (query: string, fileName: string, bytes: Buffer, as?: string, townshipId = own.townshipId) =>
    t.graphql<{ previewImport?: Report; commitImport?: Report }>(
      query,
      { input: { townshipId, fileName, contentBase64: bytes.toString('base64') } },
      as ? { as } : {},
    );
  const preview = async (fileName: string, bytes: Buffer, as?: string) => {
    const res = await send(PREVIEW, fileName, bytes, as);
    expect(res.errors).toBeUndefined();
    return res.data!.previewImport!;
  };
  const commit = async (fileName: string, bytes: Buffer, as?: string) => {
    const res = await send(COMMIT, fileName, bytes, as);
    expect(res.errors).toBeUndefined();
    return res.data!.commitImport!;
  };
  const counts = () =>
    withDatabaseClient(t.database.url, async (su) => {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        out[table] = Number(
          (await su.query(`select count(*) from ${table} where township_id = $1`, [own.townshipId])).rows[0].count,
        );
      }
      return out;
    });
  const created = (report: Report) => Object.fromEntries(report.sheets.map((s) => [s.kind, s.created]));
  const unchanged = (report: Report) => Object.fromEntries(report.sheets.map((s) => [s.kind, s.unchanged]));

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'simeng.clerk' });
    own = await townshipRows(t.database.url, 'SIMENG');
    foreign = await townshipRows(t.database.url, 'QUNLI');
    await withDatabaseClient(t.database.url, async (su) => {
      term = (
        await su.query(
          `select name, to_char(started_on, 'YYYY-MM-DD') as started_on, to_char(ended_on, 'YYYY-MM-DD') as ended_on
             from term where township_id = $1 and started_on is not null order by started_on desc limit 1`,
          [own.townshipId],
        )
      ).rows[0];
      foreignStation = (await su.query('select name from station where id = $1', [foreign.stationId])).rows[0].name;
    });
  });
  afterAll(() => t.stop());

  const elected = () => term.started_on;
  const fullBook = () =>
    workbook({
      代表小组: [['小组名称'], ['导入第一小组']],
      代表联络站: [
        ['站点名称', '类型', '接待规律', '星期几', '每次接待代表数', '每次接待代表数（最少）'],
        ['导入联络站', '代表联络站', '每月最后一周某日', 2, 3, 1],
      ],
      代表名册: [
        DEPUTY_HEAD,
        ['导入甲', term.name, '男', 1970, '乡镇人大代表', elected(), '导入第一小组', '导入联络站'],
        ['导入乙', term.name, '女', 1980, '县（市）人大代表', elected(), '', ''],
      ],
      代表活动: [
        ['日期', '活动类型', '标题', '联络站', '参加代表'],
        ['2025-05-06', '视察', '导入视察', '导入联络站', '导入甲、导入乙（请假）'],
        ['2025-05-06', '视察', '导入视察', '导入联络站', '导入甲'],
      ],
      群众来访来信: [
        ['日期', '类型', '事由', '联络站', '接待代表', '答复日期'],
        ['2025-06-01', '来访', '导入来访', '导入联络站', '导入甲', '2025-06-05'],
      ],
      代表建议: [
        ['提出日期', '类型', '标题', '提出代表'],
        ['2025-03-01', '建议', '导入建议', '导入甲、导入乙'],
      ],
      季度数据: [
        ['年份', '季度', '指标代码', '数值'],
        [2019, 2, 'inspections', 4],
        [2019, 2, 'research_visits', 2],
      ],
    });

  it('offers the workbook template with drop-down lists, an example row and notes, and CSV templates with a BOM', async () => {
    const res = await t.graphql<{ importTemplate: { fileName: string; contentBase64: string } }>(
      `{ importTemplate { fileName contentBase64 } }`,
    );
    expect(res.errors).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.data!.importTemplate.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '代表小组',
      '代表联络站',
      '代表名册',
      '代表活动',
      '群众来访来信',
      '代表建议',
      '季度数据',
      '填写说明',
    ]);
    const roster = book.getWorksheet('代表名册')!;
    expect(roster.getRow(1).getCell(1).value).toBe('姓名');
    expect(roster.getRow(2).getCell(1).value).toBe('张三');
    const gender = roster.getCell('C5').dataValidation;
    expect(gender).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(book.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(40);
    // The template as uploaded imports nothing: its example rows are skipped.
    const asIs = await preview('renda-导入模板.xlsx', Buffer.from(res.data!.importTemplate.contentBase64, 'base64'));
    expect(asIs.problems).toEqual([]);
    expect(asIs.sheets.every((s) => s.rows === 0)).toBe(true);
    const csv = await t.graphql<{ importTemplate: { fileName: string; contentBase64: string } }>(
      `{ importTemplate(kind: DEPUTIES) { fileName contentBase64 } }`,
    );
    const bytes = Buffer.from(csv.data!.importTemplate.contentBase64, 'base64');
    expect(csv.data!.importTemplate.fileName).toBe('代表名册.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toContain('姓名,届次,性别');
  });

  it('imports every sheet kind through the write services, audited once with its counts, and a re-import changes nothing', async () => {
    const before = await counts();
    const book = await fullBook();
    const previewed = await preview('registers.xlsx', book);
    expect(previewed.problems).toEqual([]);
    expect(await counts()).toEqual(before);
    const report = await commit('registers.xlsx', book);
    expect(report.committed).toBe(true);
    expect(created(report)).toEqual({
      DEPUTY_GROUPS: 1,
      STATIONS: 1,
      DEPUTIES: 2,
      ACTIVITIES: 2,
      VOTER_CONTACTS: 1,
      SUGGESTIONS: 1,
      QUARTERLY_FIGURES: 2,
    });
    expect(created(previewed)).toEqual(created(report));
    const after = await counts();
    expect(after.deputy).toBe(before.deputy! + 2);
    expect(after.activity_participant).toBe(before.activity_participant! + 3);
    expect(after.suggestion_proposer).toBe(before.suggestion_proposer! + 2);
    await withDatabaseClient(t.database.url, async (su) => {
      const station = (
        await su.query(
          `select schedule_kind, schedule_weekday, deputies_per_reception, deputies_per_reception_min from station where name = '导入联络站'`,
        )
      ).rows[0];
      expect(station).toEqual({
        schedule_kind: 'MONTHLY_LAST_WEEKDAY',
        schedule_weekday: 2,
        deputies_per_reception: 3,
        deputies_per_reception_min: 1,
      });
      const excused = (
        await su.query(
          `select p.attendance from activity_participant p join deputy d on d.id = p.deputy_id where d.name = '导入乙'`,
        )
      ).rows;
      expect(excused).toEqual([{ attendance: 'EXCUSED' }]);
      const report = (
        await su.query(
          `select r.state, v.reported_value from quarterly_report r join quarterly_report_value v on v.report_id = r.id where r.township_id = $1 and r.year = 2019 and r.quarter = 2 and v.metric_key = 'inspections'`,
          [own.townshipId],
        )
      ).rows;
      expect(report).toEqual([{ state: 'SUBMITTED', reported_value: 4 }]);
      const entry = (
        await su.query(
          `select a.role, a.after->>'file_name' as file, (a.after->>'created_count')::int as n from audit_log a where a.table_name = 'data_import' and a.row_id = $1`,
          [(await su.query(`select id from data_import order by created_at desc limit 1`)).rows[0].id],
        )
      ).rows;
      expect(entry).toEqual([{ role: 'TOWNSHIP_CLERK', file: 'registers.xlsx', n: 10 }]);
    });
    const again = await commit('registers.xlsx', book);
    expect(again.problems).toEqual([]);
    expect(created(again)).toEqual({
      DEPUTY_GROUPS: 0,
      STATIONS: 0,
      DEPUTIES: 0,
      ACTIVITIES: 0,
      VOTER_CONTACTS: 0,
      SUGGESTIONS: 0,
      QUARTERLY_FIGURES: 0,
    });
    expect(unchanged(again)).toEqual({
      DEPUTY_GROUPS: 1,
      STATIONS: 1,
      DEPUTIES: 2,
      ACTIVITIES: 2,
      VOTER_CONTACTS: 1,
      SUGGESTIONS: 1,
      QUARTERLY_FIGURES: 2,
    });
    expect(await counts()).toEqual(after);
  });

  it('lists every problem by sheet, row and column, and a commit with problems writes nothing', async () => {
    const before = await counts();
    const book = await workbook({
      代表名册: [
        DEPUTY_HEAD,
        ['问题甲', term.name, '男', 1970, '乡镇人大代表', '', '', '没有这个站'],
        ['问题乙', term.name, '男', 1970, '乡镇人大代表', '', '', ''],
        ['问题乙', term.name, '女', 1971, '乡镇人大代表', '', '', ''],
        ['问题丙', term.name, '男', 1970, '乡镇人大代表', '1990-01-01', '', ''],
        ['问题丁', term.name, '男', 1850, '乡镇人大代表', '', '', ''],
        ['问题戊', term.name, '未知', 1970, '乡镇人大代表', '', '', ''],
        ['', term.name, '男', 1970, '乡镇人大代表', '', '', ''],
        ['问题己', '第九十九届', '男', 1970, '乡镇人大代表', '', '', ''],
        ['问题庚', term.name, '男', 1970, '乡镇人大代表', '2025-02-30', '', ''],
        ['问题辛', term.name, '男', 1970, '乡镇人大代表', '', '', foreignStation],
      ],
      季度数据: [
        ['年份', '季度', '指标代码', '数值'],
        [2023, 5, 'inspections', 1],
        [2023, 2, 'inspections', -3],
        [2023, 2, 'no_such_metric', 1],
      ],
    });
    const report = await preview('problems.xlsx', book);
    const found = report.problems.map((p) => [p.sheet, p.row, p.column, p.reason]);
    expect(found).toEqual([
      ['代表名册', 2, '联络站', 'IMPORT_UNKNOWN_STATION'],
      ['代表名册', 4, '姓名', 'IMPORT_DUPLICATE_ROW'],
      ['代表名册', 5, '当选日期', 'IMPORT_DATE_OUTSIDE_TERM'],
      ['代表名册', 6, '出生年份', 'DEPUTY_BIRTH_YEAR_OUT_OF_RANGE'],
      ['代表名册', 7, '性别', 'IMPORT_UNKNOWN_LABEL'],
      ['代表名册', 8, '姓名', 'IMPORT_CELL_REQUIRED'],
      ['代表名册', 9, '届次', 'IMPORT_UNKNOWN_TERM'],
      ['代表名册', 10, '当选日期', 'IMPORT_INVALID_DATE'],
      ['代表名册', 11, '联络站', 'IMPORT_UNKNOWN_STATION'],
      ['季度数据', 2, '季度', 'IMPORT_VALUE_OUT_OF_RANGE'],
      ['季度数据', 3, '数值', 'IMPORT_VALUE_OUT_OF_RANGE'],
      ['季度数据', 4, '指标代码', 'IMPORT_UNKNOWN_METRIC'],
    ]);
    expect(report.problems.every((p) => /[\u4e00-\u9fff]/.test(p.messageZh))).toBe(true);
    const refused = await send(COMMIT, 'problems.xlsx', book);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IMPORT_HAS_PROBLEMS',
      details: { count: 12 },
    });
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when only the last row fails', async () => {
    const before = await counts();
    const rows = Array.from({ length: 30 }, (_, i) => [`末行${i}`, term.name, '男', 1970, '乡镇人大代表', '', '', '']);
    rows[29]![7] = '不存在的联络站';
    const refused = await send(COMMIT, 'last-row.xlsx', await workbook({ 代表名册: [DEPUTY_HEAD, ...rows] }));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'IMPORT_HAS_PROBLEMS', details: { count: 1 } });
    expect((refused.errors![0]!.extensions!.details as { problems: Problem[] }).problems[0]).toMatchObject({
      row: 31,
      column: '联络站',
    });
    expect(await counts()).toEqual(before);
  });

  it('reads CSV in GB18030 and in UTF-8 with a byte-order mark', async () => {
    const text = (names: string[]) =>
      [DEPUTY_HEAD.join(','), ...names.map((n) => `${n},${term.name},女,1988,乡镇人大代表,,,`)].join('\r\n');
    const gb = iconv.encode(text(['编码甲', '编码乙']), 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(created(await commit('花名册.csv', gb))).toEqual({ DEPUTIES: 2 });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(['编码丙']), 'utf8')]);
    expect(created(await commit('代表名册.csv', bom))).toEqual({ DEPUTIES: 1 });
    expect(created(await commit('代表名册.csv', Buffer.from(text(['编码丙', '编码丁']), 'utf8')))).toEqual({
      DEPUTIES: 1,
    });
  });

  it('keeps a clerk to the own township and lets the county admin import into any township of the county', async () => {
    const book = await workbook({ 代表小组: [['小组名称'], ['越权小组']] });
    const foreignTry = await send(COMMIT, 'g.xlsx', book, undefined, foreign.townshipId);
    expect(foreignTry.errors?.[0]?.extensions).toMatchObject({
      reason: 'NOT_IN_TOWNSHIP',
      field: ['input', 'townshipId'],
    });
    for (const as of ['simeng.viewer', 'demo.staff', 'demo.analyst']) {
      const res = await send(COMMIT, 'g.xlsx', book, as);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await send(COMMIT, 'g.xlsx', book, 'demo.admin', foreign.townshipId);
    expect(admin.errors).toBeUndefined();
    await withDatabaseClient(t.database.url, async (su) => {
      const groups = (await su.query(`select township_id from deputy_group where name = '越权小组'`)).rows;
      expect(groups).toEqual([{ township_id: foreign.townshipId }]);
      const record = (await su.query(`select imported_by, township_id from data_import where file_name = 'g.xlsx'`))
        .rows;
      const admin = (await su.query(`select id from app_user where login = 'demo.admin'`)).rows[0].id;
      expect(record).toEqual([{ imported_by: admin, township_id: foreign.townshipId }]);
    });
  });

  it('ends two identical imports at once in the state one import leaves', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`并发${i}`, term.name, '男', 1970, '乡镇人大代表', '', '', '']);
    const book = await workbook({ 代表名册: [DEPUTY_HEAD, ...rows] });
    const before = await counts();
    const [a, b] = await Promise.all([send(COMMIT, 'same.xlsx', book), send(COMMIT, 'same.xlsx', book)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const made = [a, b].map((r) => r.data!.commitImport!.sheets[0]!.created).sort();
    expect(made).toEqual([0, 20]);
    expect((await counts()).deputy).toBe(before.deputy! + 20);
  });

  it('exports the township as a workbook that re-imports unchanged', async () => {
    const res = await t.graphql<{ exportTownship: { fileName: string; contentBase64: string } }>(
      `query ($id: ID!) { exportTownship(townshipId: $id) { fileName contentBase64 } }`,
      { id: own.townshipId },
    );
    expect(res.errors).toBeUndefined();
    const bytes = Buffer.from(res.data!.exportTownship.contentBase64, 'base64');
    const before = await counts();
    const report = await preview('export.xlsx', bytes);
    expect(report.problems).toEqual([]);
    const rows = Object.fromEntries(report.sheets.map((s) => [s.kind, s.rows]));
    expect(rows).toMatchObject({
      DEPUTY_GROUPS: before.deputy_group,
      STATIONS: before.station,
      DEPUTIES: before.deputy,
      ACTIVITIES: before.activity,
      VOTER_CONTACTS: before.voter_contact,
      SUGGESTIONS: before.suggestion,
    });
    expect(report.sheets.every((s) => s.created === 0)).toBe(true);
    const foreignExport = await t.graphql(`query ($id: ID!) { exportTownship(townshipId: $id) { fileName } }`, {
      id: foreign.townshipId,
    });
    expect(foreignExport.errors?.[0]?.extensions?.reason).toBe('NOT_IN_TOWNSHIP');
  });
});
