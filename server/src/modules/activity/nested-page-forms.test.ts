import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm } from '../../database/create-orm.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { fetchPages, newWhere } from '../../common/pagination/fetch-pages.js';
import type { Page } from '../../common/pagination/page-request.js';
import { Township } from '../township/township.entity.js';
import { Activity } from './activity.entity.js';

/** What a page answers: its rows in order, the count, whether more follow. */
function answer(page: Page<Activity> | undefined) {
  return page && { ids: page.items.map((a) => a.id), total: page.totalCount, more: page.hasNextPage };
}

/**
 * fetchPages reads a few parents' pages per parent (a lateral top-N each) and many parents' pages in one
 * window pass: both forms must give every parent the same page.
 */
describe('nested pages: the per-parent form and the window form give the same pages', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let townshipIds: string[];
  beforeAll(async () => {
    database = await createTestDatabase();
    // The owner role: this compares the two statements' pages, not row-level security.
    orm = await createOrm({ clientUrl: database.ownerUrl });
    townshipIds = (await orm.em.fork().find(Township, {}, { orderBy: { code: 'asc' } })).map((t) => t.id);
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const pagesOf = (parentIds: string[], first: number, types?: string[]) => {
    const where = newWhere();
    if (types) where.in('type', types);
    return fetchPages(orm.em.fork() as EntityManager, {
      entity: Activity,
      where,
      sort: [
        { column: 'occurred_on', direction: 'desc' },
        { column: 'id', direction: 'desc' },
      ],
      page: { first, after: null },
      partition: { kind: 'column', column: 'township_id', parentIds },
    });
  };

  it.each([
    [1, undefined],
    [3, undefined],
    [200, undefined],
    [0, undefined],
    [5, ['VOTER_RECEPTION', 'STUDY']],
  ])('first %d, types %j', async (first, types) => {
    expect(townshipIds.length).toBeGreaterThan(1);
    const absent = randomUUID();
    // A parent without rows, among few parents (per parent) and among 40 more (one window pass).
    const few = await pagesOf([...townshipIds, absent], first, types);
    const many = await pagesOf(
      [...townshipIds, absent, ...Array.from({ length: 40 }, () => randomUUID())],
      first,
      types,
    );
    for (const id of townshipIds) expect(answer(few.get(id))).toEqual(answer(many.get(id)));
    expect(few.get(absent)).toBeUndefined();
    expect(many.get(absent)).toBeUndefined();
    const answered = townshipIds.map((id) => answer(few.get(id))).filter((a) => a && a.total > 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) {
      expect(a!.ids).toHaveLength(Math.min(first, a!.total));
      expect(a!.more).toBe(a!.total > first);
    }
  });
});
