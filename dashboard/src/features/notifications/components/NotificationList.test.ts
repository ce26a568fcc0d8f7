/** @jest-environment jsdom */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { Observable } from 'rxjs';
import { setApolloClient } from '../../../graphql/client';
import type { NotificationsQuery } from '../../../graphql/generated/operations';
import type { UserRole } from '../../../graphql/generated/schema-enums';
import { i18n } from '../../../i18n/index';
import { useSessionStore } from '../../../stores/session';
import NotificationList from './NotificationList.vue';

type Note = NotificationsQuery['notifications']['nodes'][number] & { __typename: 'Notification' };

const note = (over: Partial<Note>): Note => ({
  __typename: 'Notification',
  id: 'n1',
  kind: 'REPORT_RETURNED',
  year: 2025,
  quarter: 3,
  reportId: 'r1',
  reason: '选民接待人次与台账不符',
  dueAt: null,
  sentByName: '县人大常委会 张三',
  createdAt: '2026-12-01T02:00:00Z',
  readAt: null,
  ...over,
});

/** A server in memory: the notifications it holds, and the ids the list asked to mark read. */
function fakeServer(notes: Note[]) {
  const marked: string[][] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (operation.operationName === 'MarkNotificationsRead') {
          const ids = operation.variables['ids'] as string[];
          marked.push(ids);
          for (const n of notes) if (ids.includes(n.id)) n.readAt = '2026-12-02T00:00:00Z';
          observer.next({
            data: {
              markNotificationsRead: ids.map((id) => ({
                __typename: 'Notification',
                id,
                readAt: '2026-12-02T00:00:00Z',
              })),
            },
          });
        } else {
          observer.next({
            data: {
              notifications: {
                __typename: 'NotificationFeed',
                unreadCount: notes.filter((n) => !n.readAt).length,
                nodes: notes.map((n) => ({ ...n })),
              },
            },
          });
        }
        observer.complete();
      }),
  );
  setApolloClient(new ApolloClient({ link, cache: new InMemoryCache() }));
  return { marked };
}

function signedInAs(role: UserRole): void {
  const session = useSessionStore();
  session.token = 'token';
  session.user = {
    id: 'u1',
    login: 'hemao.clerk',
    displayName: '鹤毛镇 文书',
    role,
    countyId: 'c1',
    townshipId: 't1',
    deputyId: null,
    township: { id: 't1', name: '鹤毛镇', nameEn: 'Hemao' },
  };
}

describe('NotificationList', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows a return with its reason and a reminder with its quarter in Chinese, unread ones marked', async () => {
    fakeServer([
      note({}),
      note({ id: 'n2', kind: 'REPORT_REMINDER', quarter: 1, year: 2026, reason: null, dueAt: '2026-04-10T15:59:59Z' }),
    ]);
    signedInAs('TOWNSHIP_VIEWER');
    const wrapper = mount(NotificationList, { global: { plugins: [i18n] } });
    await flushPromises();
    const items = wrapper.findAll('[data-testid="notification"]');
    expect(items).toHaveLength(2);
    expect(items[0]!.text()).toContain('2025 年三季度报表被退回：选民接待人次与台账不符');
    expect(items[0]!.text()).toContain('县人大常委会 张三');
    expect(items[1]!.text()).toContain('县人大常委会催报 2026 年一季度报表');
    expect(items[1]!.text()).toContain('2026年4月10日');
    expect(wrapper.findAll('.notification--unread')).toHaveLength(2);
    // a viewer may read but not mark: the server would refuse it
    expect(wrapper.find('[data-testid="notification-mark-read"]').exists()).toBe(false);
  });

  it('lets the clerk mark one read, and then shows it read', async () => {
    const server = fakeServer([note({}), note({ id: 'n2', kind: 'REPORT_REMINDER', reason: null })]);
    signedInAs('TOWNSHIP_CLERK');
    const wrapper = mount(NotificationList, { global: { plugins: [i18n] } });
    await flushPromises();
    await wrapper.findAll('[data-testid="notification-mark-read"]')[0]!.trigger('click');
    await flushPromises();
    expect(server.marked).toEqual([['n1']]);
    expect(wrapper.findAll('.notification--unread')).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="notification-mark-read"]')).toHaveLength(1);
  });

  it('says so when there is nothing', async () => {
    fakeServer([]);
    signedInAs('TOWNSHIP_CLERK');
    const wrapper = mount(NotificationList, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(wrapper.text()).toContain('暂无通知');
  });
});
