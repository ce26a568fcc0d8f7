import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaToday } from '../../common/validation/china-today.js';
import type { LandingPeriods } from './dto/landing-periods.type.js';

/** The quarter now due: the latest one that has ended on `today` (a YYYY-MM-DD date in China time). */
export function reportingPeriod(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.ceil(Number(today.slice(5, 7)) / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

interface LatestRow {
  year: number | null;
  quarter: number | null;
  annual: boolean;
}

/**
 * Where the dashboard opens. The county overview opens on the latest period with reported data, not on
 * the year of the newest record (one activity recorded in a new year would open an almost empty year):
 * reported data are a township's reported annual figures (a known value) and its submitted quarterly
 * reports (any state but DRAFT, as on the status board). Row-level security limits a township's users
 * to their own township's data. Years after today's are ignored.
 */
export class LandingPeriodsService {
  constructor(private readonly em: EntityManager) {}

  async landing(countyId: string, today: string = chinaToday()): Promise<LandingPeriods> {
    const thisYear = Number(today.slice(0, 4));
    const [latest] = await this.em.execute<LatestRow[]>(
      `with latest as (
         select max(year) as year from (
           select year from period_figure
            where county_id = ?::uuid and period_kind = 'YEAR' and value is not null and year <= ?
           union all
           select year from quarterly_report where county_id = ?::uuid and state <> 'DRAFT' and year <= ?
         ) reported
       )
       select l.year,
              (select max(r.quarter) from quarterly_report r
                where r.county_id = ?::uuid and r.year = l.year and r.state <> 'DRAFT') as quarter,
              exists (select 1 from period_figure f
                       where f.county_id = ?::uuid and f.period_kind = 'YEAR' and f.year = l.year
                         and f.value is not null) as annual
         from latest l`,
      [countyId, thisYear, countyId, thisYear, countyId, countyId],
    );
    const year = latest?.year ?? null;
    const quarter = latest?.quarter ?? null;
    const wholeYear = year === null || latest?.annual === true || quarter === null || quarter === 4;
    const due = reportingPeriod(today);
    return {
      overviewYear: year === null ? null : Number(year),
      overviewQuarter: wholeYear ? null : Number(quarter),
      reportingYear: due.year,
      reportingQuarter: due.quarter,
    };
  }
}
