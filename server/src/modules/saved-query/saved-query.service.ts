import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'graphql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { County } from '../county/county.entity.js';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import { SavedQuery } from './saved-query.entity.js';
import type { SaveQueryInput } from './dto/save-query.input.js';
import { savedQueryErrors } from './saved-query.errors.js';

/** Row-level security shares saved queries within the county and lets only the owner change one. */
export class SavedQueryService {
  constructor(
    private readonly em: EntityManager,
    private readonly identity: Identity,
  ) {}

  list(): Promise<SavedQuery[]> {
    return findReadOnly(this.em, SavedQuery, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async save(input: SaveQueryInput): Promise<SavedQuery> {
    try {
      parse(input.query);
    } catch (error) {
      throw savedQueryErrors.syntaxError((error as Error).message);
    }
    const row = input.id
      ? await this.own(input.id)
      : Object.assign(new SavedQuery(), { county: ref(County, this.identity.countyId), ownerId: this.identity.userId });
    row.name = input.name;
    row.query = input.query;
    row.variables = input.variables ?? null;
    await this.em.persist(row).flush();
    return row;
  }

  async remove(id: string): Promise<boolean> {
    await this.em.remove(await this.own(id)).flush();
    return true;
  }

  /** Another user's query is as absent as one of another county. */
  private async own(id: string): Promise<SavedQuery> {
    assertUuid(id, ['id']);
    const row = await this.em.findOne(SavedQuery, { id, county: this.identity.countyId });
    if (!row || row.ownerId !== this.identity.userId) throw savedQueryErrors.notFound(id);
    return row;
  }
}
