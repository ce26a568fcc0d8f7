import type { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { RecordKind } from '../record-coverage/record-kind.enum.js';
import type { ArchiveRecordType } from './archive-record-type.enum.js';
import type { DutyRecord } from './dto/archive.types.js';

/** A row of the `duty` CTE (duty-sql.ts) as the driver returns it. */
export interface DutyRow {
  deputy_id: string;
  duty: string;
  record_type: string;
  record_id: string;
  on_date: string | Date;
  date_precision: string;
  title: string;
  synthetic: boolean;
}

/** A row of deputyContextSql. */
export interface DeputyContextRow {
  deputy_id: string;
  deputy_name: string;
  township_id: string;
  township_name: string;
  county_id: string;
  status: string;
  status_changed_on: string | Date | null;
  coverage: { recordKind: RecordKind; since: string }[];
}

/** Dates come back as text (the pg type parser is set for dates) or, defensively, as Date objects. */
export const isoDate = (value: string | Date): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export function toDutyRecord(row: DutyRow): DutyRecord {
  return {
    type: row.record_type as ArchiveRecordType,
    id: row.record_id,
    date: isoDate(row.on_date),
    datePrecision: row.date_precision as DatePrecision,
    title: row.title,
    synthetic: row.synthetic,
  };
}

/** Whether the township's records of `kind` are complete from `from` on (its coverage began by then). */
export function coveredFrom(context: DeputyContextRow, kind: RecordKind, from: string): string | null | false {
  const entry = context.coverage.find((c) => c.recordKind === kind);
  if (!entry) return false;
  return entry.since <= from ? entry.since : false;
}

export const ALL_RECORD_KINDS_OF_ARCHIVE: RecordKind[] = [
  RecordKind.CONGRESS_SESSION,
  RecordKind.ACTIVITY,
  RecordKind.SUGGESTION,
  RecordKind.VOTER_CONTACT,
];

/** Whether a deputy still served on `from` (left office on or after it, or never). */
export function servedFrom(context: DeputyContextRow, from: string): boolean {
  return (
    context.status === 'ACTIVE' || context.status_changed_on === null || isoDate(context.status_changed_on) >= from
  );
}
