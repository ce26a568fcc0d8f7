import type { MetricDefinition } from '../metric/metric-definition.entity.js';
import { METRIC_GROUP_ORDER, MetricGroup } from '../metric/metric-group.enum.js';
import type { DraftValue } from './dto/draft-value.js';

/** What the township's election records say about a period (see `electionHeldOf`). */
export interface ElectionFacts {
  inside: boolean;
  same_year: boolean;
  any: boolean;
}

/**
 * A scalar subquery (parameters: the period's first day, its last day, its first day again, the township)
 * answering `ElectionFacts` as one JSON column of a statement the draft runs anyway.
 */
export const ELECTION_HELD_SQL = `(select json_build_object(
    'inside', coalesce(bool_or(e.date_precision <> 'YEAR' and e.held_on between ?::date and ?::date), false),
    'same_year', coalesce(bool_or(e.date_precision = 'YEAR' and extract(year from e.held_on) = extract(year from ?::date)), false),
    'any', count(*) > 0)
  from election e where e.county_id = ? and e.township_id = ?)`;

/**
 * Whether the township held an election in the period, from its own election records: true when one is
 * dated (to the day or month) inside it; null when the records cannot tell (the township has no election
 * records at all, or one is known only to the period's year); false otherwise.
 */
export function electionHeldOf(facts: ElectionFacts): boolean | null {
  if (facts.inside) return true;
  if (facts.same_year || !facts.any) return null;
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
