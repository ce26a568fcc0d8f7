import { ref } from '@mikro-orm/core';
import { findOneReadOnly } from '../../common/entities/find-read-only.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { County } from '../county/county.entity.js';
import { defaultDeadline, quarterPeriod } from '../../common/periods/quarter-period.js';
import { ReportingDeadline } from './reporting-deadline.entity.js';

export interface EffectiveDeadline {
  dueAt: Date;
  /** true when the county has not set one and the default rule applies. */
  isDefault: boolean;
}

/** Each quarter's submission deadline: the county's own, or the default rule. */
export class ReportingDeadlineService {
  constructor(private readonly em: EntityManager) {}

  async effective(countyId: string, year: number, quarter: number): Promise<EffectiveDeadline> {
    const set = await findOneReadOnly(this.em, ReportingDeadline, { county: countyId, year, quarter });
    return set ? { dueAt: set.dueAt, isDefault: false } : { dueAt: defaultDeadline(year, quarter), isDefault: true };
  }

  async set(countyId: string, year: number, quarter: number, dueAt: Date): Promise<ReportingDeadline> {
    quarterPeriod(year, quarter);
    const row =
      (await this.em.findOne(ReportingDeadline, { county: countyId, year, quarter })) ??
      Object.assign(new ReportingDeadline(), { county: ref(County, countyId), year, quarter });
    row.dueAt = dueAt;
    await this.em.persist(row).flush();
    return row;
  }
}
