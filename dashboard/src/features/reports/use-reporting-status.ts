import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import type { ErrorLike } from '@apollo/client';
import {
  AcceptQuarterlyReportDocument,
  ReminderStatusDocument,
  RemindTownshipsDocument,
  ReportingStatusDocument,
  ReturnQuarterlyReportDocument,
} from '../../graphql/generated/operations';
import { useMutation } from '../../graphql/use-mutation';
import { useQuery } from '../../graphql/use-query';
import { useSessionStore } from '../../stores/session';
import { buildStatusGrid, countStatuses } from './reporting-status';

/**
 * The status board's data: reportingStatus (every township × quarter of a year, with the county's
 * reporting and on-time rates) and the county's review actions, which refetch the board.
 */
export function useReportingStatus(year: MaybeRefOrGetter<number>) {
  const session = useSessionStore();
  const query = useQuery(ReportingStatusDocument, () =>
    session.user ? { countyId: session.user.countyId, year: toValue(year) } : null,
  );
  const reminders = useQuery(ReminderStatusDocument, () =>
    session.user?.role === 'COUNTY_STAFF' ? { year: toValue(year) } : null,
  );
  const accept = useMutation(AcceptQuarterlyReportDocument);
  const remind = useMutation(RemindTownshipsDocument);
  const giveBack = useMutation(ReturnQuarterlyReportDocument);
  const actionError = shallowRef<ErrorLike | null>(null);

  const board = computed(() => query.data.value?.reportingStatus ?? null);
  const rows = computed(() => {
    const nameEn = new Map((query.data.value?.townships.nodes ?? []).map((t) => [t.id, t.nameEn]));
    const townships = (board.value?.townships ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      nameEn: nameEn.get(t.id) ?? t.name,
    }));
    return buildStatusGrid(townships, board.value?.cells ?? []);
  });
  const counts = computed(() => countStatuses(board.value?.cells ?? []));
  /** The last reminder of each township × quarter ("townshipId:quarter"), with when the next is allowed. */
  const lastReminders = computed(
    () =>
      new Map(
        (reminders.data.value?.reminderStatus ?? []).map((r) => [
          `${r.townshipId}:${r.quarter}`,
          { at: r.lastRemindedAt, nextAllowedAt: r.nextAllowedAt },
        ]),
      ),
  );

  /** 催报: reminds the townships of one quarter; the board's reminder marks refresh. Returns how many. */
  async function remindTownships(quarter: number, townshipIds: string[]): Promise<number | null> {
    actionError.value = null;
    const data = await remind.mutate({ year: toValue(year), quarter, townshipIds });
    if (!data) actionError.value = remind.error.value;
    await reminders.refetch();
    return data ? data.remindTownships.length : null;
  }

  async function acceptReport(cell: { reportId: string; version: number }): Promise<boolean> {
    actionError.value = null;
    const data = await accept.mutate({ id: cell.reportId, expectedVersion: cell.version });
    if (!data) actionError.value = accept.error.value;
    else await query.refetch();
    return data !== null;
  }

  async function returnReport(cell: { reportId: string; version: number }, reason: string): Promise<boolean> {
    actionError.value = null;
    const data = await giveBack.mutate({ id: cell.reportId, expectedVersion: cell.version, reason });
    if (!data) actionError.value = giveBack.error.value;
    else await query.refetch();
    return data !== null;
  }

  return {
    board,
    rows,
    counts,
    loading: query.loading,
    error: query.error,
    hasData: computed(() => query.data.value !== undefined),
    refetch: query.refetch,
    acting: computed(() => accept.loading.value || giveBack.loading.value || remind.loading.value),
    lastReminders,
    remindTownships,
    actionError,
    acceptReport,
    returnReport,
  };
}
