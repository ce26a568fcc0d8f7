import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { commonErrors } from '../errors/common.errors.js';
import { assertUuid } from '../ids/assert-uuid.js';
import { fetchPages, newWhere, type CountyPartition } from '../pagination/fetch-pages.js';
import { toConnection, type ConnectionShape } from '../pagination/connection-type.js';
import type { ConnectionArgs } from '../pagination/connection-args.js';
import type { Page, SortColumn } from '../pagination/page-request.js';
import type { SqlWhere } from '../sql/sql-where.js';
import { selectedFields, selectedNodeFields } from '../pagination/selected-node-fields.js';
import { findOneReadOnly } from '../entities/find-read-only.js';
import { propsForFields } from '../entities/selected-props.js';
import type { ReadAlongside } from '../entities/read-alongside.js';

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
  /** Field resolvers of the node type that read nothing but the row's id (nested lists, by-id loaders). */
  protected readonly idOnlyFields: readonly string[] = [];

  constructor(protected readonly em: EntityManager) {}

  /**
   * A single lookup for a query: a read-only row (see `findReadOnly`), nothing for the commit to diff.
   * `countyId` (the caller's county, for a county-scoped entity) names the county in the statement as well
   * as row-level security does: on a Citus cluster that routes it to the county's shard instead of all.
   */
  async readById(id: string, countyId?: string): Promise<T> {
    assertUuid(id, ['id']);
    const found = await findOneReadOnly(this.em, this.entity, (countyId ? { id, county: countyId } : { id }) as never);
    if (!found) throw commonErrors.notFound(this.label, id);
    return found;
  }

  /** The managed row, for a write that changes it; `countyId` names the caller's county as `readById` does. */
  async findById(id: string, countyId?: string): Promise<T> {
    assertUuid(id, ['id']);
    const found = await this.em.findOne(this.entity, (countyId ? { id, county: countyId } : { id }) as never);
    if (!found) throw commonErrors.notFound(this.label, id);
    return found as T;
  }

  /**
   * A top-level list. `countyId` (the caller's county) is named in the statement when the entity has a
   * county: row-level security shows the same rows, and on a Citus cluster the list runs on the county's
   * shard only, not on every worker (a dead worker then fails only its own counties' lists).
   *
   * With the caller's `info`, the statement reads only the columns the selected node fields need
   * (`propsFor`) and counts the matching rows only when `totalCount` is selected: a name list of a
   * township's deputies read 20 columns and counted them for an answer of ids and names.
   */
  async connection(
    filter: F | null | undefined,
    args: ConnectionArgs,
    countyId?: string | undefined,
    info?: GraphQLResolveInfo,
    alongside?: readonly ReadAlongside[],
  ): Promise<ConnectionShape<T>> {
    const props = info ? this.propsFor(info) : null;
    const countTotal = info ? selectedFields(info).has('totalCount') : true;
    const pages = await this.pages(filter, args, undefined, props, countyId, countTotal, alongside);
    const page = pages.get(null);
    return toConnection(
      page ?? { items: [], cursors: [], totalCount: 0, hasNextPage: false, hasPreviousPage: args.after !== null },
    );
  }

  /**
   * The properties a connection's nodes need for what the caller selected (`propsForFields`). For ~9,000
   * nested rows, parsing and hydrating unread columns was most of the cost.
   */
  propsFor(info: GraphQLResolveInfo): string[] | null {
    return propsForFields(
      this.em.getMetadata().get(this.entity) as EntityMetadata,
      selectedNodeFields(info),
      this.idOnlyFields,
    );
  }

  pages(
    filter: F | null | undefined,
    args: ConnectionArgs,
    partition?: CountyPartition,
    props?: readonly string[] | null,
    countyId?: string | undefined,
    countTotal = true,
    alongside?: readonly ReadAlongside[],
  ): Promise<Map<string | null, Page<T>>> {
    const where = newWhere();
    if (filter) this.applyFilter(where, filter);
    return fetchPages(this.em, {
      entity: this.entity,
      where,
      sort: this.sort,
      page: { first: args.first, after: args.after ?? null },
      ...(partition ? { partition } : {}),
      props: props ?? null,
      countyId,
      countTotal,
      ...(alongside ? { alongside } : {}),
    });
  }
}
