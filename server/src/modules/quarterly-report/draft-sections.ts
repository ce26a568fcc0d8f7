import type { EntityManager } from '@mikro-orm/postgresql';
import type { MetricDefinition } from '../metric/metric-definition.entity.js';
import { METRIC_GROUP_ORDER, MetricGroup } from '../metric/metric-group.enum.js';
import type { DraftValue } from './dto/draft-value.js';

/**
 * Whether the township held an election in the period, from its own election records: true when one is
 * dated (to the day or month) inside it; null when the records cannot tell (the township has no election
 * records at all, or one is known only to the period's year); false otherwise.
 */
export async function electionHeld(
  em: EntityManager,
  townshipId: string,
  from: string,
  to: string,
): Promise<boolean | null> {
  const [row] = await em.execute<{ inside: boolean; same_year: boolean; any: boolean }[]>(
    `select coalesce(bool_or(e.date_precision <> 'YEAR' and e.held_on between ?::date and ?::date), false) as inside,
            coalesce(bool_or(e.date_precision = 'YEAR' and extract(year from e.held_on) = extract(year from ?::date)), false) as same_year,
            count(*) > 0 as any
       from election e where e.township_id = ?`,
    [from, to, from, townshipId],
  );
  if (row!.inside) return true;
  if (row!.same_year || !row!.any) return null;
  return false;
}

/** Catalog order: by section as MetricGroup declares them, platform metrics before the county's, then position. */
export function catalogOrder(a: MetricDefinition, b: MetricDefinition): number {
  return (
    METRIC_GROUP_ORDER.indexOf(a.group) - METRIC_GROUP_ORDER.indexOf(b.group) ||
    Number(a.county !== null) - Number(b.county !== null) ||
    a.position - b.position ||
    a.key.localeCompare(b.key)
  );
}

/**
 * The lines the form shows: election metrics only when an election was held or may have been (null), and
 * never hiding a figure that is there (a stored or a recorded non-zero value).
 */
export function visibleLines(values: DraftValue[], held: boolean | null): DraftValue[] {
  if (held !== false) return values;
  return values.filter(
    (v) => v.group !== MetricGroup.ELECTIONS || (v.reportedValue ?? 0) !== 0 || (v.recordedValue ?? 0) !== 0,
  );
}
