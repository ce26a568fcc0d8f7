import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { emptyPage } from '../pagination/fetch-pages.js';
import { findReadOnly } from '../entities/find-read-only.js';
import type { Page } from '../pagination/page-request.js';

type ByIdLoader = DataLoader<string, object | null>;

/**
 * The DataLoaders of one request. Created with the request's EntityManager fork and dropped with it,
 * so nothing cached here outlives the request or crosses to another caller. Keys name the list and
 * its arguments, so two fields asking for different pages never share a batch.
 */
export class RequestLoaders {
  private readonly byIdLoaders = new Map<string, ByIdLoader>();
  private readonly keyed = new Map<string, DataLoader<string, unknown>>();

  /**
   * `tenant` names the identity the rows were read under (county, township, role): every cache key
   * carries it, so even a loader set shared by mistake could not hand one tenant's rows to another.
   */
  constructor(
    private readonly em: EntityManager,
    private readonly tenant: string,
    /**
     * The caller's county, named in lookups of county-scoped entities: row-level security shows the
     * same rows, and on a Citus cluster the lookup runs on the county's shard, not on every worker.
     */
    private readonly countyId?: string,
  ) {}

  /**
   * Loads rows by primary key, one `where id in (...)` per tick and entity, as read-only instances
   * (`findReadOnly`): relation fields and single lookups only read them. Writes load their own.
   */
  byId<T extends object>(entity: EntityClass<T>): DataLoader<string, T | null> {
    const key = `${this.tenant}|${entity.name}`;
    let loader = this.byIdLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, object | null>(async (ids) => {
        // not where the county may be null (the platform's rows of the metric catalog and the calendar)
        const county = this.em.getMetadata().get(entity).properties['county' as never] as
          { nullable?: boolean } | undefined;
        const countyScoped = this.countyId && county && !county.nullable;
        const where = { id: { $in: [...ids] }, ...(countyScoped ? { county: this.countyId } : {}) };
        const rows = await findReadOnly(this.em, entity, where as never);
        const byId = new Map(rows.map((row) => [(row as unknown as { id: string }).id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.byIdLoaders.set(key, loader);
    }
    return loader as DataLoader<string, T | null>;
  }

  /** One page per parent id, all parents in one batch (see `fetchPages`). */
  pages<T>(
    key: string,
    load: (parentIds: readonly string[]) => Promise<Map<string | null, Page<T>>>,
    after: string | null,
  ) {
    return this.memo(key, async (ids) => {
      const pages = await load(ids);
      return ids.map((id) => pages.get(id) ?? emptyPage<T>(after));
    });
  }

  /** Every child row of each parent, for small unpaginated lists (participants, report values). */
  lists<T>(key: string, load: (parentIds: readonly string[]) => Promise<Map<string, T[]>>) {
    return this.memo(key, async (ids) => {
      const lists = await load(ids);
      return ids.map((id) => lists.get(id) ?? []);
    });
  }

  /** Any other per-request batch, memoised under `key`. */
  custom<V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    return this.memo(key, batch);
  }

  private memo<V>(name: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    const key = `${this.tenant}|${name}`;
    let loader = this.keyed.get(key);
    if (!loader) {
      loader = new DataLoader<string, V>(batch) as DataLoader<string, unknown>;
      this.keyed.set(key, loader);
    }
    return loader as DataLoader<string, V>;
  }
}
