import type { EntityManager } from '@mikro-orm/postgresql';
import { ATTENDANCE_LABELS, IMPORT_SHEETS, type ImportSheet } from './import-columns.js';
import { ImportSheetKind } from './import-sheet-kind.enum.js';
import type { SheetRows } from './write-workbook.js';

type Row = Record<string, string | number | boolean | null>;

/**
 * The township's rows in the templates' layout (one statement per sheet): names instead of ids, enum
 * labels in Chinese, so the workbook re-imports into any township that has terms of the same names.
 * Row-level security decides what the caller reads; the phone column needs a role that may read it.
 */
export async function readTownshipSheets(em: EntityManager, townshipId: string): Promise<SheetRows> {
  const q = (sql: string) => em.execute<Row[]>(sql, [townshipId]);
  const d = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  const [groups, stations, deputies, activities, contacts, suggestions, figures] = await Promise.all([
    q(`select name from deputy_group where township_id = ? order by name, id`),
    q(`select name, kind, village, address, ${d('opened_on')} as "openedOn", reception_schedule as "receptionSchedule",
              schedule_kind as "scheduleKind", schedule_day_of_month as "scheduleDayOfMonth", schedule_weekday as "scheduleWeekday",
              schedule_week_of_month as "scheduleWeekOfMonth", deputies_per_reception as "deputiesPerReception",
              deputies_per_reception_min as "deputiesPerReceptionMin"
         from station where township_id = ? order by name, id`),
    q(`select d.name, t.name as term, d.gender, d.birth_year as "birthYear", d.ethnicity, d.party,
              d.occupation_category as "occupationCategory", d.level, ${d('d.elected_on')} as "electedOn",
              d.by_election as "byElection", g.name as "group", s.name as station, d.phone as "contactPhone"
         from deputy d join term t on t.id = d.term_id
         left join deputy_group g on g.id = d.group_id left join station s on s.id = d.station_id
        where d.township_id = ? order by t.name, d.name, d.id`),
    q(`select ${d('a.occurred_on')} as "occurredOn", a.date_precision as "datePrecision", a.type, a.title, a.topic, a.place,
              s.name as station, g.name as "group", a.outcome,
              (select string_agg(dp.name || case when p.attendance = 'PRESENT' then '' else '（' || p.attendance || '）' end, '、' order by dp.name, dp.id)
                 from activity_participant p join deputy dp on dp.id = p.deputy_id where p.activity_id = a.id) as participants
         from activity a left join station s on s.id = a.station_id left join deputy_group g on g.id = a.group_id
        where a.township_id = ? order by a.occurred_on, a.title, a.id`),
    q(`select ${d('c.received_on')} as "receivedOn", c.kind, c.subject, s.name as station, dp.name as deputy,
              ${d('c.replied_on')} as "repliedOn"
         from voter_contact c left join station s on s.id = c.station_id left join deputy dp on dp.id = c.deputy_id
        where c.township_id = ? order by c.received_on, c.subject, c.id`),
    q(`select ${d('x.submitted_on')} as "submittedOn", x.kind, x.title, x.category,
              (select string_agg(dp.name, '、' order by dp.name, dp.id)
                 from suggestion_proposer p join deputy dp on dp.id = p.deputy_id where p.suggestion_id = x.id) as proposers
         from suggestion x where x.township_id = ? order by x.submitted_on, x.title, x.id`),
    q(`select r.year, r.quarter, v.metric_key as "metricKey", v.reported_value as value
         from quarterly_report r join quarterly_report_value v on v.report_id = r.id
        where r.township_id = ? and r.state <> 'DRAFT' and v.reported_value is not null
        order by r.year, r.quarter, v.metric_key`),
  ]);
  const byKind: [ImportSheetKind, Row[]][] = [
    [ImportSheetKind.DEPUTY_GROUPS, groups],
    [ImportSheetKind.STATIONS, stations],
    [ImportSheetKind.DEPUTIES, deputies],
    [ImportSheetKind.ACTIVITIES, activities],
    [ImportSheetKind.VOTER_CONTACTS, contacts],
    [ImportSheetKind.SUGGESTIONS, suggestions],
    [ImportSheetKind.QUARTERLY_FIGURES, figures],
  ];
  const sheets: SheetRows = new Map();
  for (const [kind, rows] of byKind) {
    const sheet = IMPORT_SHEETS.find((candidate) => candidate.kind === kind)!;
    sheets.set(
      kind,
      rows.map((row) => cellsOf(sheet, row)),
    );
  }
  return sheets;
}

function cellsOf(sheet: ImportSheet, row: Row): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const column of sheet.columns) {
    const value = row[column.key];
    if (value === null || value === undefined) cells[column.key] = '';
    else if (column.type === 'bool') cells[column.key] = value ? '是' : '否';
    else if (column.type === 'enum') cells[column.key] = column.labels?.[String(value)] ?? String(value);
    else if (column.key === 'participants') cells[column.key] = attendanceInChinese(String(value));
    else cells[column.key] = String(value);
  }
  return cells;
}

function attendanceInChinese(participants: string): string {
  return participants.replace(
    /（(EXCUSED|ABSENT)）/g,
    (_, code: 'EXCUSED' | 'ABSENT') => `（${ATTENDANCE_LABELS[code]}）`,
  );
}
