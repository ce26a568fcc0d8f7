import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { rowHydrator } from '../../common/entities/read-only-hydrator.js';
import { Notification } from './notification.entity.js';
import { notificationErrors } from './notification.errors.js';
import { NotificationFeed } from './dto/notification-feed.js';

/** The most a township's list returns at once; older notifications stay stored. */
export const NOTIFICATION_PAGE_MAX = 100;

const UNREAD = '__unread';

/** A township's own notifications: read them, mark them read. Row-level security hides every other township's. */
export class NotificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async feed(first: number, unreadOnly: boolean): Promise<NotificationFeed> {
    const limit = Math.min(Math.max(Math.trunc(first), 1), NOTIFICATION_PAGE_MAX);
    // One statement: the page, and the unread count beside each row. No row means no notification (or,
    // with `unreadOnly`, no unread one), so the count is then 0. Both name the county and the township as
    // values (the count uncorrelated, computed once): Citus routes each part by its own constants only.
    const { countyId, townshipId } = this.scope;
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select n.*, (select count(*) from notification u
                     where u.county_id = ?::uuid and u.township_id = ? and u.read_at is null) as ${UNREAD}
         from notification n where n.county_id = ?::uuid and n.township_id = ?${unreadOnly ? ' and n.read_at is null' : ''}
        order by n.created_at desc, n.id desc limit ?`,
      [countyId, townshipId, countyId, townshipId, limit],
    );
    const nodes = rows.map(rowHydrator(this.em, Notification));
    const unreadCount = rows.length ? Number(rows[0]![UNREAD]) : 0;
    return Object.assign(new NotificationFeed(), { nodes, unreadCount });
  }

  /** Marks the notifications read (those already read keep their first reading); all or none. */
  async markRead(ids: readonly string[]): Promise<Notification[]> {
    ids.forEach((id, i) => assertUuid(id, ['ids', i]));
    const rows = await this.em.find(Notification, { id: { $in: [...ids] }, township: this.scope.townshipId });
    const byId = new Map(rows.map((n) => [n.id, n]));
    const now = new Date();
    const marked = ids.map((id, i) => {
      const row = byId.get(id);
      if (!row) throw notificationErrors.notFound(id, ['ids', i]);
      if (!row.readAt) {
        row.readAt = now;
        row.readBy = this.scope.identity.userId;
      }
      return row;
    });
    await this.em.flush();
    return marked;
  }
}
