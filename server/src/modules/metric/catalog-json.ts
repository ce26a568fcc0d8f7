import type { EntityManager } from '@mikro-orm/postgresql';
import { rowHydrator } from '../../common/entities/read-only-hydrator.js';
import { MetricDefinition } from './metric-definition.entity.js';

/**
 * The metric catalog as one JSON column riding on a statement a hot path runs anyway (a comparison's
 * figures, a submission's replay check): one round trip fewer, read in the request's own transaction so a
 * metric a county admin has just defined is never missed, and never cached across requests.
 */
export const catalogJson = {
  /** A scalar subquery: the catalog rows row-level security lets the caller read, ordered by key. */
  sql: `(select coalesce(json_agg(m order by m.key), '[]') from metric_definition m)`,

  /** The rows as MetricDefinition instances the request's commit has nothing to diff for. */
  read(em: EntityManager, rows: readonly Record<string, unknown>[]): MetricDefinition[] {
    return rows.map(rowHydrator(em, MetricDefinition));
  },
};
