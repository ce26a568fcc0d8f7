import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { quarterPeriod } from '../../common/periods/quarter-period.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { ReportingDeadlineService } from '../reporting/reporting-deadline.service.js';
import { QuarterlyReport } from '../quarterly-report/quarterly-report.entity.js';
import { ReportState } from '../quarterly-report/report-state.enum.js';
import { Notification } from './notification.entity.js';
import { NotificationKind } from './notification-kind.enum.js';
import { notificationErrors } from './notification.errors.js';
import { TownshipReminder } from './dto/township-reminder.js';

/**
 * One reminder per township and quarter within this window: enough to chase a late report every working
 * day, too few to flood a township's list from one cell of the status board.
 */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** A report can be chased while it is overdue and not with the county: missing, a draft, or returned. */
const CHASEABLE = new Set<ReportState | undefined>([undefined, ReportState.DRAFT, ReportState.RETURNED]);

/** 催报: county staff remind late townships of one quarter. */
export class ReminderService {
  constructor(
    private readonly em: EntityManager,
    private readonly sender: Identity,
  ) {}

  /**
   * Reminds every township named, or none: a township that is not late, unknown, or reminded within the
   * window refuses the whole call with the township's index as field. Per-township advisory locks (taken
   * in id order, so overlapping calls cannot deadlock) make two simultaneous reminders of one township
   * wait for each other, and the second then sees the first's row and is refused.
   */
  async remind(year: number, quarter: number, townshipIds: readonly string[]): Promise<Notification[]> {
    quarterPeriod(year, quarter, []);
    if (townshipIds.length === 0) throw notificationErrors.noTownships();
    townshipIds.forEach((id, i) => assertUuid(id, ['townshipIds', i]));
    const ids = [...new Set(townshipIds)];
    for (const id of [...ids].sort()) {
      await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `renda.reminder:${id}:${year}:${quarter}`,
      ]);
    }
    const now = new Date();
    const [townships, reports, recent, deadline] = await Promise.all([
      this.em.find(Township, { id: { $in: ids } }),
      this.em.find(QuarterlyReport, { township: { $in: ids }, year, quarter }),
      this.em.find(
        Notification,
        {
          township: { $in: ids },
          kind: NotificationKind.REPORT_REMINDER,
          year,
          quarter,
          createdAt: { $gt: new Date(now.getTime() - REMINDER_INTERVAL_MS) },
        },
        { orderBy: { createdAt: 'desc' } },
      ),
      new ReportingDeadlineService(this.em).effective(this.sender.countyId, year, quarter),
    ]);
    const townshipById = new Map(townships.map((t) => [t.id, t]));
    const stateOf = new Map(reports.map((r) => [r.township.id, r.state]));
    const lastOf = new Map<string, Date>();
    for (const n of recent) if (!lastOf.has(n.township.id)) lastOf.set(n.township.id, n.createdAt);

    townshipIds.forEach((id, i) => {
      const township = townshipById.get(id);
      if (!township) throw notificationErrors.townshipNotFound(id, ['townshipIds', i]);
      const state = stateOf.get(id);
      if (now <= deadline.dueAt || !CHASEABLE.has(state))
        throw notificationErrors.notLate(['townshipIds', i], township, state ?? 'MISSING', deadline.dueAt);
      const last = lastOf.get(id);
      if (last) {
        const next = new Date(last.getTime() + REMINDER_INTERVAL_MS);
        throw notificationErrors.tooSoon(['townshipIds', i], township, last, next);
      }
    });

    const notifications = ids.map((id) =>
      Object.assign(new Notification(), {
        township: ref(Township, id),
        county: ref(County, this.sender.countyId),
        kind: NotificationKind.REPORT_REMINDER,
        year,
        quarter,
        reportId: reports.find((r) => r.township.id === id)?.id ?? null,
        dueAt: deadline.dueAt,
        sentBy: this.sender.userId,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.em.persist(notifications).flush();
    return notifications;
  }

  /**
   * The last reminder of every township and quarter of a year (the status board shows them): PostgreSQL
   * keeps the newest per cell, and the plain rows become the answer (no entities, no year's history read).
   * The sender's county as a value: row-level security alone would leave Citus to ask every shard.
   */
  async status(year: number): Promise<TownshipReminder[]> {
    const rows = await this.em.execute<{ township_id: string; quarter: number; created_at: Date }[]>(
      `select distinct on (township_id, quarter) township_id, quarter, created_at from notification
        where county_id = ?::uuid and kind = ? and year = ? order by township_id, quarter, created_at desc`,
      [this.sender.countyId, NotificationKind.REPORT_REMINDER, year],
    );
    return rows.map((row) => {
      const lastRemindedAt = new Date(row.created_at);
      return Object.assign(new TownshipReminder(), {
        townshipId: row.township_id,
        quarter: row.quarter,
        lastRemindedAt,
        nextAllowedAt: new Date(lastRemindedAt.getTime() + REMINDER_INTERVAL_MS),
      });
    });
  }
}
