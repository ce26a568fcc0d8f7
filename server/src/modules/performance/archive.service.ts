import type { EntityManager } from '@mikro-orm/postgresql';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import type { ActivityType } from '../activity/activity-type.enum.js';
import type { Attendance } from '../activity/attendance.enum.js';
import type { SuggestionState } from '../suggestion/suggestion-state.enum.js';
import type { OutcomeClass } from '../suggestion/outcome-class.enum.js';
import type { Satisfaction } from '../suggestion/satisfaction.enum.js';
import { Term } from '../term/term.entity.js';
import { DutyKind, recordKindOf } from './duty-kind.enum.js';
import { ArchiveUnknownReason } from './archive-record-type.enum.js';
import type { ArchiveCount, ArchiveItem, DeputyArchive } from './dto/archive.types.js';
import { dutyCtes, deputyContextSql } from './duty-sql.js';
import {
  ALL_RECORD_KINDS_OF_ARCHIVE,
  coveredFrom,
  toDutyRecord,
  type DeputyContextRow,
  type DutyRow,
} from './duty-rows.js';
import { assertYear } from './performance-scheme.service.js';
import { performanceErrors } from './performance.errors.js';

interface ArchiveRow extends DutyRow {
  activity_type: string | null;
  attendance: string | null;
  jointly: boolean | null;
  suggestion_state: string | null;
  outcome_class: string | null;
  satisfaction: string | null;
  voters_present: number | null;
  satisfied: number | null;
  basically_satisfied: number | null;
  dissatisfied: number | null;
}

export interface ArchivePeriodArgs {
  year?: number | null;
  termId?: string | null;
}

interface ResolvedPeriod {
  year: number | null;
  termId: string | null;
  from: string | null;
  /** Last day, inclusive. */
  to: string | null;
  unknownReason: ArchiveUnknownReason | null;
}

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Deputies' archives for one period, for any number of deputies in two statements (three for a term). */
export class ArchiveService {
  constructor(private readonly em: EntityManager) {}

  async resolvePeriod(args: ArchivePeriodArgs): Promise<ResolvedPeriod> {
    const today = chinaToday();
    if ((args.year == null) === (args.termId == null)) throw performanceErrors.periodRequired();
    if (args.year != null) {
      assertYear(args.year, ['year']);
      const from = `${args.year}-01-01`;
      const end = `${args.year}-12-31`;
      if (from > today)
        return { year: args.year, termId: null, from, to: end, unknownReason: ArchiveUnknownReason.NOT_STARTED };
      return { year: args.year, termId: null, from, to: end < today ? end : today, unknownReason: null };
    }
    assertUuid(args.termId!, ['termId']);
    const term = await this.em.findOne(Term, { id: args.termId! });
    if (!term) throw performanceErrors.termNotFound(args.termId!);
    if (term.startedOn === null) {
      return {
        year: null,
        termId: term.id,
        from: null,
        to: term.endedOn,
        unknownReason: ArchiveUnknownReason.TERM_DATES_UNKNOWN,
      };
    }
    const end = term.endedOn !== null && term.endedOn < today ? term.endedOn : today;
    if (term.startedOn > today) {
      return {
        year: null,
        termId: term.id,
        from: term.startedOn,
        to: term.endedOn,
        unknownReason: ArchiveUnknownReason.NOT_STARTED,
      };
    }
    return { year: null, termId: term.id, from: term.startedOn, to: end, unknownReason: null };
  }

  async archives(deputyIds: readonly string[], args: ArchivePeriodArgs): Promise<Map<string, DeputyArchive>> {
    const period = await this.resolvePeriod(args);
    const contextQuery = deputyContextSql('deputy', deputyIds);
    const contexts = await this.em.execute<DeputyContextRow[]>(contextQuery.sql, contextQuery.params);
    let rows: ArchiveRow[] = [];
    if (period.unknownReason === null && period.from && period.to) {
      const ctes = dutyCtes('deputy', deputyIds, { from: period.from, until: nextDay(period.to) });
      rows = await this.em.execute<ArchiveRow[]>(
        `with ${ctes.sql} select deputy_id, duty, record_type, record_id, on_date::text as on_date, date_precision, title,
          activity_type, attendance, jointly, suggestion_state, outcome_class, satisfaction, voters_present, satisfied,
          basically_satisfied, dissatisfied, synthetic
        from duty order by deputy_id, duty.on_date, duty, record_id`,
        ctes.params,
      );
    }
    const byDeputy = new Map<string, ArchiveRow[]>();
    for (const row of rows) byDeputy.set(row.deputy_id, [...(byDeputy.get(row.deputy_id) ?? []), row]);
    return new Map(
      contexts.map((context) => [context.deputy_id, archiveOf(context, period, byDeputy.get(context.deputy_id) ?? [])]),
    );
  }
}

function archiveOf(context: DeputyContextRow, period: ResolvedPeriod, rows: ArchiveRow[]): DeputyArchive {
  const coverage = ALL_RECORD_KINDS_OF_ARCHIVE.map((recordKind) => {
    const since = period.from && period.unknownReason === null ? coveredFrom(context, recordKind, period.from) : false;
    return { recordKind, complete: since !== false, recordedSince: since === false ? null : since };
  });
  const complete = new Map(coverage.map((c) => [c.recordKind, c.complete]));
  const counts: ArchiveCount[] = Object.values(DutyKind).map((duty) => {
    const recordKind = recordKindOf(duty);
    const of = rows.filter((row) => row.duty === duty);
    const syntheticCount = of.filter((row) => row.synthetic).length;
    if (period.unknownReason !== null) {
      return { duty, recordKind, count: null, qualifier: null, unknownReason: period.unknownReason, syntheticCount };
    }
    if (complete.get(recordKind)) {
      return {
        duty,
        recordKind,
        count: of.length,
        qualifier: FigureQualifier.EXACT,
        unknownReason: null,
        syntheticCount,
      };
    }
    // Records not known complete prove "at least"; none at all proves nothing (未录入), never 0.
    return of.length > 0
      ? { duty, recordKind, count: of.length, qualifier: FigureQualifier.AT_LEAST, unknownReason: null, syntheticCount }
      : {
          duty,
          recordKind,
          count: null,
          qualifier: null,
          unknownReason: ArchiveUnknownReason.NOT_RECORDED,
          syntheticCount,
        };
  });
  const items: ArchiveItem[] = rows.map((row) => ({
    duty: row.duty as DutyKind,
    record: toDutyRecord(row),
    activityType: row.activity_type as ActivityType | null,
    attendance: row.attendance as Attendance | null,
    jointly: row.jointly,
    suggestionState: row.suggestion_state as SuggestionState | null,
    outcomeClass: row.outcome_class as OutcomeClass | null,
    satisfaction: row.satisfaction as Satisfaction | null,
    votersPresent: row.voters_present,
    satisfied: row.satisfied,
    basicallySatisfied: row.basically_satisfied,
    dissatisfied: row.dissatisfied,
  }));
  return {
    deputyId: context.deputy_id,
    year: period.year,
    termId: period.termId,
    from: period.from,
    to: period.to,
    unknownReason: period.unknownReason,
    coverage,
    counts,
    items,
    includesSynthetic: rows.some((row) => row.synthetic),
  };
}
