import type { EntityManager } from '@mikro-orm/postgresql';
import { readRows } from '../../common/entities/read-batcher.js';
import { percentage } from '../metric/recorded-metrics.service.js';
import { defaultDeadline } from '../../common/periods/quarter-period.js';
import { analyticsPeriod } from './analytics-period.js';
import { REPORTING_SINCE_SQL } from './completeness.js';
import { ReportingStatusKind } from './reporting-status-kind.enum.js';
import type { ReportingStatusBoard } from './dto/reporting-status-board.type.js';
import type { ReportingStatusCell } from './dto/reporting-status-cell.type.js';
import { commonErrors } from '../../common/errors/common.errors.js';

interface ReportRow {
  id: string;
  township_id: string;
  quarter: number;
  state: string;
  late: boolean;
  version: number;
  submitted_at: Date | null;
  return_reason: string | null;
}

interface TownshipRow {
  id: string;
  code: string;
  name: string;
  deputies: string;
  reporting_since: string;
  /** json: timestamps arrive as ISO text. */
  reports: (Omit<ReportRow, 'township_id' | 'submitted_at'> & { submitted_at: string | null })[];
  deadlines: { quarter: number; due_at: string }[];
}

/** Who submitted which quarter, on time or late, accepted or returned; one statement in all. */
export class ReportingStatusService {
  constructor(private readonly em: EntityManager) {}

  async board(countyId: string, year: number, now: Date = new Date()): Promise<ReportingStatusBoard> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw commonErrors.invalidYear(['year'], year);
    // One statement: the county's townships, each with its reports of the year, and the county's deadlines
    // of the year beside every row (four at most). Three statements before, one round trip each.
    // Through the read batcher: folded with sibling analytics reads of the same request.
    const townships = (await readRows(this.em, {
      sql: `with deadlines as (
         select coalesce(json_agg(json_build_object('quarter', quarter, 'due_at', due_at)), '[]'::json) as list
           from reporting_deadline where county_id = ?::uuid and year = ?)
       select t.id, t.code, t.name,
              -- The county as a value in every correlated part: Citus routes a subquery by its own filter only.
              (select count(*) from deputy d
                where d.county_id = ?::uuid and d.township_id = t.id and d.status = 'ACTIVE') as deputies,
              ${REPORTING_SINCE_SQL('t', '?::uuid')} as reporting_since,
              (select coalesce(json_agg(json_build_object('id', r.id, 'quarter', r.quarter, 'state', r.state,
                        'late', r.late, 'version', r.version, 'submitted_at', r.submitted_at,
                        'return_reason', r.return_reason)), '[]'::json)
                 from quarterly_report r where r.county_id = ?::uuid and r.township_id = t.id and r.year = ?) as reports,
              deadlines.list as deadlines
         from township t cross join deadlines
        where t.county_id = ?::uuid order by t.code`,
      params: [countyId, year, countyId, countyId, countyId, countyId, year, countyId],
      columns: ['id', 'code', 'name', 'deputies', 'reporting_since', 'reports', 'deadlines'],
    })) as unknown as TownshipRow[];
    const deadlines = townships[0]?.deadlines ?? [];
    const reports = townships.flatMap((t) => t.reports.map((r) => ({ ...r, township_id: t.id })));
    const dueAt = new Map<number, Date>([1, 2, 3, 4].map((q) => [q, defaultDeadline(year, q)]));
    for (const d of deadlines) dueAt.set(d.quarter, new Date(d.due_at));
    const byCell = new Map(reports.map((r) => [`${r.township_id}|${r.quarter}`, r]));
    const cells: ReportingStatusCell[] = [];
    let due = 0;
    let submitted = 0;
    let onTime = 0;
    for (const township of townships) {
      for (const quarter of [1, 2, 3, 4]) {
        const deadline = dueAt.get(quarter)!;
        const report = byCell.get(`${township.id}|${quarter}`);
        const hasSubmission = report !== undefined && report.state !== 'DRAFT';
        // A quarter that ended before the township's reporting began was never due.
        const required = hasSubmission || analyticsPeriod(year, quarter, []).to >= township.reporting_since;
        const status = !hasSubmission
          ? !required
            ? ReportingStatusKind.NOT_REQUIRED
            : now > deadline
              ? ReportingStatusKind.MISSING
              : ReportingStatusKind.NOT_DUE
          : report.state === 'ACCEPTED'
            ? ReportingStatusKind.ACCEPTED
            : report.state === 'RETURNED'
              ? ReportingStatusKind.RETURNED
              : report.late
                ? ReportingStatusKind.SUBMITTED_LATE
                : ReportingStatusKind.SUBMITTED_ON_TIME;
        if (required && now > deadline) {
          due += 1;
          if (hasSubmission) submitted += 1;
          if (hasSubmission && !report.late) onTime += 1;
        }
        cells.push({
          townshipId: township.id,
          quarter,
          status,
          late: report?.late ?? false,
          reportId: report?.id ?? null,
          version: report?.version ?? null,
          submittedAt: report?.submitted_at ? new Date(report.submitted_at) : null,
          dueAt: deadline,
          returnReason: report?.return_reason ?? null,
        });
      }
    }
    return {
      year,
      townships: townships.map((t) => ({ id: t.id, code: t.code, name: t.name, deputies: Number(t.deputies) })),
      cells,
      due,
      // Nothing due is no rate at all, never 0 %.
      reportingRate: due === 0 ? null : percentage(submitted, due),
      onTimeRate: due === 0 ? null : percentage(onTime, due),
    };
  }
}
