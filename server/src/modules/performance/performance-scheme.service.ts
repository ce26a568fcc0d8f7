import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { County } from '../county/county.entity.js';
import { PerformanceScheme } from './performance-scheme.entity.js';
import type { SavePerformanceSchemeInput } from './dto/save-performance-scheme.input.js';
import type { StoredRule } from './performance-rule.js';
import { performanceErrors } from './performance.errors.js';

export const EARLIEST_SCHEME_YEAR = 2000;
const MAX_RULES = 100;
const MAX_POINTS = 100;
const MAX_CAP = 1000;

/** The current year in China; a year before it has ended ("closed"). */
export const currentYear = (): number => Number(chinaToday().slice(0, 4));

export function assertYear(year: number, field: readonly (string | number)[]): void {
  const latest = currentYear() + 1;
  if (!Number.isInteger(year) || year < EARLIEST_SCHEME_YEAR || year > latest) {
    throw performanceErrors.yearOutOfRange(field, EARLIEST_SCHEME_YEAR, latest);
  }
}

/** Reads and writes a county's points schemes; a save always adds a version (see the entity). */
export class PerformanceSchemeService {
  constructor(private readonly em: EntityManager) {}

  /** Every version of the year, newest first (row-level security: the caller's county only). */
  list(year: number): Promise<PerformanceScheme[]> {
    assertYear(year, ['year']);
    return this.em.find(PerformanceScheme, { year }, { orderBy: { version: 'desc' } });
  }

  async save(identity: Identity, input: SavePerformanceSchemeInput): Promise<PerformanceScheme> {
    assertYear(input.year, ['input', 'year']);
    const rules = checkRules(input);
    // Two admins saving at once: the second waits here and then sees the first one's version.
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('performance_scheme'), hashtext(?))`, [
      `${identity.countyId}:${input.year}`,
    ]);
    const [latest] = await this.em.find(
      PerformanceScheme,
      { county: identity.countyId, year: input.year },
      { orderBy: { version: 'desc' }, limit: 1 },
    );
    const current = latest?.version ?? 0;
    if (input.expectedVersion !== current) throw performanceErrors.staleVersion(input.expectedVersion, current);
    // A year that has ended may have results in use: changing its scheme must say why (the first one need not).
    if (current > 0 && input.year < currentYear() && !input.revisionReason) {
      throw performanceErrors.revisionReasonRequired(input.year);
    }
    const scheme = Object.assign(new PerformanceScheme(), {
      county: ref(County, identity.countyId),
      year: input.year,
      version: current + 1,
      rules,
      yearCap: input.yearCap ?? null,
      revisionReason: input.revisionReason ?? null,
    });
    await this.em.persist(scheme).flush();
    return scheme;
  }
}

function checkRules(input: SavePerformanceSchemeInput): StoredRule[] {
  if (input.rules.length > MAX_RULES) throw performanceErrors.tooManyRules(MAX_RULES);
  if (input.yearCap != null && (input.yearCap < 0 || input.yearCap > MAX_CAP * 10)) {
    throw performanceErrors.capOutOfRange(['input', 'yearCap']);
  }
  const seen = new Set<string>();
  return input.rules.map((rule, i) => {
    const field = ['input', 'rules', i];
    if (seen.has(rule.duty)) throw performanceErrors.duplicateRule([...field, 'duty'], rule.duty);
    seen.add(rule.duty);
    if (Math.abs(rule.points) > MAX_POINTS) throw performanceErrors.pointsOutOfRange([...field, 'points']);
    if (rule.cap != null && (rule.cap < 0 || rule.cap > MAX_CAP)) {
      throw performanceErrors.capOutOfRange([...field, 'cap']);
    }
    return { duty: rule.duty, points: rule.points, cap: rule.cap ?? null };
  });
}
