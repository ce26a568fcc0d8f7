import { chinaToday } from '../../common/validation/china-today.js';
import { defaultDeadline } from '../../common/periods/quarter-period.js';
import type { RecordKind } from '../record-coverage/record-kind.enum.js';
import { analyticsPeriod } from './analytics-period.js';
import type { Period } from './dto/period.type.js';
import { UnknownReason } from './unknown-reason.enum.js';

/**
 * From when a township's quarterly reports are required: the first quarter it filed, its earliest record
 * coverage, or the day it was onboarded, whichever is earliest (`least` skips nulls). A quarter that
 * ended before then was never due (NOT_REQUIRED), so years before a township joined show no 0 %.
 */
export const REPORTING_SINCE_SQL = (township: string, county = `${township}.county_id`) => `least(
  (select min(make_date(q.year, q.quarter * 3 - 2, 1)) from quarterly_report q where q.county_id = ${county} and q.township_id = ${township}.id),
  (select min(c.recorded_since) from record_coverage c where c.county_id = ${county} and c.township_id = ${township}.id),
  (${township}.created_at at time zone 'Asia/Shanghai')::date)::text`;

/** One township's facts behind completeness, as the analytics statement returns them. */
export interface TownshipCompleteness {
  id: string;
  /** YYYY-MM-DD: quarters ending before it were never due. */
  reportingSince: string;
  /** record kind → recorded since (YYYY-MM-DD). */
  coverage: Partial<Record<RecordKind, string>> | null;
}

export interface FiledReport {
  township_id: string;
  year: number;
  quarter: number;
  state: string;
}

/** Where one quarter of one township stands. */
export enum QuarterState {
  NOT_STARTED = 'NOT_STARTED',
  /** Under way, or ended with its report not yet due and not yet filed: counts are provisional. */
  OPEN = 'OPEN',
  /** Its report is submitted or accepted: the township vouched for the quarter. */
  SUBMITTED = 'SUBMITTED',
  /** Due and not submitted (or returned and not resubmitted). */
  MISSING = 'MISSING',
  /** Ended before the township's reporting began. */
  NOT_REQUIRED = 'NOT_REQUIRED',
}

export interface RecordsStatus {
  /** The platform holds every record of the kinds needed for the whole period. */
  complete: boolean;
  /** Some of the period is still open (or not begun): a count is the count so far. */
  provisional: boolean;
  /** No part of the period has begun. */
  notStarted: boolean;
}

const SUBMITTED_STATES = new Set(['SUBMITTED', 'ACCEPTED']);
const QUARTERS = [1, 2, 3, 4] as const;

/**
 * When the platform's records are complete (see server/README.md, "Which figure counts"): records of a
 * kind are complete for a quarter when the township's coverage of that kind began by the quarter's
 * first day AND the quarter is vouched for (its report submitted or accepted) or still open (under way or
 * not yet due: provisional). A year is complete when its four quarters are. Everything else is counted
 * only as a lower bound, or is unknown with the reason the dashboard shows.
 */
export class Completeness {
  private readonly townships = new Map<string, TownshipCompleteness>();
  private readonly filed = new Map<string, string>();
  private readonly dueAt = new Map<string, Date>();
  private readonly annualReports: ReadonlySet<string>;
  private readonly today: string;
  private readonly states = new Map<string, QuarterState>();

  constructor(
    townships: readonly TownshipCompleteness[],
    filed: readonly FiledReport[],
    deadlines: readonly { year: number; quarter: number; due_at: string | Date }[],
    /** `${townshipId}|${year}` of every township-year with annual report figures. */
    annualReports: ReadonlySet<string>,
    private readonly now: Date = new Date(),
  ) {
    for (const t of townships) this.townships.set(t.id, t);
    for (const r of filed) this.filed.set(`${r.township_id}|${r.year}|${r.quarter}`, r.state);
    for (const d of deadlines) this.dueAt.set(`${d.year}|${d.quarter}`, new Date(d.due_at));
    this.annualReports = annualReports;
    this.today = chinaToday(now);
  }

  quarterState(townshipId: string, year: number, quarter: number): QuarterState {
    const key = `${townshipId}|${year}|${quarter}`;
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.computeQuarterState(townshipId, year, quarter);
      this.states.set(key, state);
    }
    return state;
  }

  private computeQuarterState(townshipId: string, year: number, quarter: number): QuarterState {
    const period = analyticsPeriod(year, quarter, []);
    if (period.from > this.today) return QuarterState.NOT_STARTED;
    if (SUBMITTED_STATES.has(this.filed.get(`${townshipId}|${year}|${quarter}`) ?? '')) return QuarterState.SUBMITTED;
    const due = this.dueAt.get(`${year}|${quarter}`) ?? defaultDeadline(year, quarter);
    if (this.now <= due) return QuarterState.OPEN;
    const since = this.townships.get(townshipId)?.reportingSince;
    if (since === undefined || period.to < since) return QuarterState.NOT_REQUIRED;
    return QuarterState.MISSING;
  }

  private quartersOf(townshipId: string, period: Period): QuarterState[] {
    const quarters = period.quarter === null ? QUARTERS : [period.quarter];
    return quarters.map((q) => this.quarterState(townshipId, period.year, q));
  }

  /** Whether the records of these kinds are complete for the township and period. */
  records(townshipId: string, period: Period, kinds: readonly RecordKind[]): RecordsStatus {
    const states = this.quartersOf(townshipId, period);
    const notStarted = states.every((s) => s === QuarterState.NOT_STARTED);
    const provisional = states.some((s) => s === QuarterState.OPEN || s === QuarterState.NOT_STARTED);
    const coverage = this.townships.get(townshipId)?.coverage ?? {};
    const covered = kinds.every((kind) => {
      const since = coverage[kind];
      return since !== undefined && since <= period.from;
    });
    const vouched = states.every((s) => s !== QuarterState.MISSING && s !== QuarterState.NOT_REQUIRED);
    return { complete: covered && vouched && !notStarted, provisional, notStarted };
  }

  /** Why a figure of the township and period that is neither reported nor countable is unknown. */
  reason(townshipId: string, period: Period): UnknownReason {
    const states = this.quartersOf(townshipId, period);
    if (states.every((s) => s === QuarterState.NOT_STARTED)) return UnknownReason.NOT_STARTED;
    // The township's own annual report covers the year (and so each of its quarters).
    if (this.annualReports.has(`${townshipId}|${period.year}`)) return UnknownReason.NOT_STATED;
    if (states.some((s) => s === QuarterState.MISSING)) return UnknownReason.NOT_SUBMITTED;
    const started = states.filter((s) => s !== QuarterState.NOT_STARTED);
    if (started.every((s) => s === QuarterState.SUBMITTED)) return UnknownReason.NOT_STATED;
    return UnknownReason.NOT_RECORDED;
  }
}
