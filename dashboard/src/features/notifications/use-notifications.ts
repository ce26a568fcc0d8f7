import { computed } from 'vue';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../../graphql/generated/operations';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useSessionStore } from '../../stores/session';

/** How many notifications the header and the lists show; older ones stay on the server. */
export const NOTIFICATIONS_SHOWN = 20;

/**
 * The township's notifications, shared by the header badge and every list (one query in Apollo's cache).
 * Only the clerk may mark them read (the server refuses the viewer), so only the clerk gets the buttons.
 */
export function useNotifications() {
  const session = useSessionStore();
  const township = computed(() => session.role === 'TOWNSHIP_CLERK' || session.role === 'TOWNSHIP_VIEWER');
  const query = useQuery(NotificationsDocument, () => (township.value ? { first: NOTIFICATIONS_SHOWN } : null));
  const mark = useMutation(MarkNotificationsReadDocument);
  const nodes = computed(() => query.data.value?.notifications.nodes ?? []);
  const unreadCount = computed(() => query.data.value?.notifications.unreadCount ?? 0);

  async function markRead(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (await mark.mutate({ ids })) await query.refetch();
  }

  return {
    township,
    canMarkRead: computed(() => session.role === 'TOWNSHIP_CLERK'),
    nodes,
    unreadCount,
    loading: query.loading,
    error: query.error,
    markError: mark.error,
    marking: mark.loading,
    refetch: query.refetch,
    markRead,
  };
}
