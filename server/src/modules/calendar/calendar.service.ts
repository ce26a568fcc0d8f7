import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { County } from '../county/county.entity.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarDayKind } from './calendar-day-kind.enum.js';
import { WorkingDayCalendar } from './working-day-calendar.js';
import { calendarErrors } from './calendar.errors.js';

/** The national calendar plus the caller's county's own days (row-level security shows exactly those). */
export class CalendarService {
  constructor(private readonly em: EntityManager) {}

  list(from: string, to: string): Promise<CalendarDay[]> {
    if (to < from) throw calendarErrors.rangeReversed();
    return this.em.find(CalendarDay, { day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc', county: 'asc' } });
  }

  /** County days override national ones on the same date. */
  async addWorkingDays(start: string, n: number): Promise<string> {
    const window = WorkingDayCalendar.windowFor(start, n);
    const days = await this.list(window.from, window.to);
    const effective = new Map<string, CalendarDayKind>();
    for (const d of days) if (!d.county) effective.set(d.day, d.kind);
    for (const d of days) if (d.county) effective.set(d.day, d.kind);
    return new WorkingDayCalendar([...effective].map(([day, kind]) => ({ day, kind }))).addWorkingDays(start, n);
  }

  /** Adds or changes the county's own entry for a day (a local holiday, a make-up working day). */
  async setDay(admin: Identity, day: string, kind: CalendarDayKind, name: string): Promise<CalendarDay> {
    const existing = await this.em.findOne(CalendarDay, { county: admin.countyId, day });
    const row = existing ?? Object.assign(new CalendarDay(), { county: ref(County, admin.countyId), day });
    row.kind = kind;
    row.name = name;
    await this.em.persist(row).flush();
    return row;
  }

  async removeDay(admin: Identity, day: string): Promise<boolean> {
    const existing = await this.em.findOne(CalendarDay, { county: admin.countyId, day });
    if (!existing) return false;
    await this.em.remove(existing).flush();
    return true;
  }
}
