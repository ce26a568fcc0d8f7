import type { EntityManager } from '@mikro-orm/postgresql';
import { platformMetricCatalog } from '@renda/seeds';
import { NATIONAL_CALENDAR } from '../modules/calendar/national-calendar.js';

/** What a sync did (or, dry, would do) to one kind of reference data. */
export interface SyncCounts {
  inserted: string[];
  updated: string[];
  unchanged: number;
  /** Platform rows this release does not ship: kept, since figures and reports refer to them. */
  kept: string[];
  /** Keys a county uses for a metric of its own: the platform row is not added (the county's stays). */
  conflicts: string[];
}

export interface CatalogSyncResult {
  dryRun: boolean;
  metrics: SyncCounts;
  calendar: SyncCounts;
}

const METRIC_COLUMNS = [
  'name_zh',
  'name_en',
  'unit',
  'kind',
  'higher_is_better',
  'computation',
  'numerator_key',
  'denominator_key',
  'metric_group',
  'group_position',
] as const;

type MetricRow = Record<(typeof METRIC_COLUMNS)[number], string | number | boolean | null> & { key: string };

/**
 * Brings the platform's shared reference rows (no county) up to what this build ships: the metric catalog
 * (`platformMetricCatalog`, by key) and the national calendar (`NATIONAL_CALENDAR`, by day). Inserts what
 * is missing, updates what differs, deletes nothing, and never touches a county's own rows. In one
 * transaction, as the owner role; idempotent (a second run changes nothing).
 */
export async function syncCatalog(em: EntityManager, dryRun: boolean): Promise<CatalogSyncResult> {
  return em.transactional(async (tx) => {
    const metrics = await syncMetrics(tx, dryRun);
    const calendar = await syncCalendar(tx, dryRun);
    return { dryRun, metrics, calendar };
  });
}

async function syncMetrics(tx: EntityManager, dryRun: boolean): Promise<SyncCounts> {
  const existing = new Map(
    (
      await tx.execute<MetricRow[]>(
        `select key, ${METRIC_COLUMNS.join(', ')} from metric_definition where county_id is null`,
      )
    ).map((row) => [row.key, row]),
  );
  const countyKeys = new Set(
    (await tx.execute<{ key: string }[]>('select distinct key from metric_definition where county_id is not null')).map(
      (row) => row.key,
    ),
  );
  const counts: SyncCounts = { inserted: [], updated: [], unchanged: 0, kept: [], conflicts: [] };
  for (const metric of platformMetricCatalog) {
    const wanted: MetricRow = {
      key: metric.key,
      name_zh: metric.nameZh,
      name_en: metric.nameEn,
      unit: metric.unit,
      kind: metric.kind,
      higher_is_better: metric.higherIsBetter,
      computation: metric.computation,
      numerator_key: metric.numeratorKey,
      denominator_key: metric.denominatorKey,
      metric_group: metric.group,
      group_position: metric.position,
    };
    const row = existing.get(metric.key);
    const values = METRIC_COLUMNS.map((column) => wanted[column]);
    if (!row) {
      if (countyKeys.has(metric.key)) {
        counts.conflicts.push(metric.key);
        continue;
      }
      counts.inserted.push(metric.key);
      if (!dryRun)
        await tx.execute(
          `insert into metric_definition (id, key, ${METRIC_COLUMNS.join(', ')}) values (gen_random_uuid(), ?, ${METRIC_COLUMNS.map(() => '?').join(', ')})`,
          [metric.key, ...values],
        );
    } else if (METRIC_COLUMNS.some((column) => row[column] !== wanted[column])) {
      counts.updated.push(metric.key);
      if (!dryRun)
        await tx.execute(
          `update metric_definition set ${METRIC_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = now() where county_id is null and key = ?`,
          [...values, metric.key],
        );
    } else counts.unchanged += 1;
  }
  const shipped = new Set(platformMetricCatalog.map((m) => m.key));
  counts.kept = [...existing.keys()].filter((key) => !shipped.has(key)).sort();
  return counts;
}

async function syncCalendar(tx: EntityManager, dryRun: boolean): Promise<SyncCounts> {
  const existing = new Map(
    (
      await tx.execute<{ day: string; kind: string; name: string }[]>(
        `select to_char(day, 'YYYY-MM-DD') as day, kind, name from calendar_day where county_id is null`,
      )
    ).map((row) => [row.day, row]),
  );
  const counts: SyncCounts = { inserted: [], updated: [], unchanged: 0, kept: [], conflicts: [] };
  for (const entry of NATIONAL_CALENDAR) {
    const row = existing.get(entry.day);
    if (!row) {
      counts.inserted.push(entry.day);
      if (!dryRun)
        await tx.execute('insert into calendar_day (id, day, kind, name) values (gen_random_uuid(), ?, ?, ?)', [
          entry.day,
          entry.kind,
          entry.name,
        ]);
    } else if (row.kind !== entry.kind || row.name !== entry.name) {
      counts.updated.push(entry.day);
      if (!dryRun)
        await tx.execute(
          'update calendar_day set kind = ?, name = ?, updated_at = now() where county_id is null and day = ?',
          [entry.kind, entry.name, entry.day],
        );
    } else counts.unchanged += 1;
  }
  const shipped = new Set(NATIONAL_CALENDAR.map((d) => d.day));
  counts.kept = [...existing.keys()].filter((day) => !shipped.has(day)).sort();
  return counts;
}
