import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFoundError } from '../errors/not-found-error.js';
import { assertUuid } from '../ids/assert-uuid.js';
import { fetchPages, newWhere, type Partition } from '../pagination/fetch-pages.js';
import { toConnection, type ConnectionShape } from '../pagination/connection-type.js';
import type { ConnectionArgs } from '../pagination/connection-args.js';
import type { Page, SortColumn } from '../pagination/page-request.js';
import type { SqlWhere } from '../sql/sql-where.js';

export interface EntityLabel {
  zh: string;
  en: string;
}

/**
 * The read side every domain service shares: find by id, a top-level connection, and one page per
 * parent for nested connections, all with the domain's own filter and stable order.
 */
export abstract class ListService<T extends object, F> {
  protected abstract readonly entity: EntityClass<T>;
  protected abstract readonly label: EntityLabel;
  /** Must end with a unique column so pages never overlap. */
  protected abstract readonly sort: readonly SortColumn[];
  protected abstract applyFilter(where: SqlWhere, filter: F): void;

  constructor(protected readonly em: EntityManager) {}

  async findById(id: string): Promise<T> {
    assertUuid(id, ['id']);
    const found = await this.em.findOne(this.entity, { id } as never);
    if (!found) throw notFoundError(this.label.zh, this.label.en, id);
    return found as T;
  }

  async connection(filter: F | null | undefined, args: ConnectionArgs): Promise<ConnectionShape<T>> {
    const pages = await this.pages(filter, args);
    const page = pages.get(null);
    return toConnection(
      page ?? { items: [], cursors: [], totalCount: 0, hasNextPage: false, hasPreviousPage: args.after !== null },
    );
  }

  pages(
    filter: F | null | undefined,
    args: ConnectionArgs,
    partition?: Partition,
  ): Promise<Map<string | null, Page<T>>> {
    const where = newWhere();
    if (filter) this.applyFilter(where, filter);
    return fetchPages(this.em, {
      entity: this.entity,
      where,
      sort: this.sort,
      page: { first: args.first, after: args.after ?? null },
      ...(partition ? { partition } : {}),
    });
  }
}
