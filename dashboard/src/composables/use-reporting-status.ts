import { computed, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import type { ErrorLike } from '@apollo/client';
import {
  AcceptQuarterlyReportDocument,
  CountyQuarterlyReportsDocument,
  ReturnQuarterlyReportDocument,
} from '../graphql/generated/operations';
import { useMutation } from '../graphql/use-mutation';
import { useQuery } from '../graphql/use-query';
import { buildStatusGrid, dueQuarters, summarise, type ReportForStatus } from './reporting-status';
import { todayInChina } from './dates';

/**
 * The status board's data: every township × quarter of a year, and the county's review actions. The one
 * place that knows where the data comes from: the analytics issue swaps the query for reportingStatus.
 */
export function useReportingStatus(year: MaybeRefOrGetter<number>) {
  const query = useQuery(CountyQuarterlyReportsDocument, () => ({ year: toValue(year) }));
  const accept = useMutation(AcceptQuarterlyReportDocument);
  const giveBack = useMutation(ReturnQuarterlyReportDocument);
  const actionError = shallowRef<ErrorLike | null>(null);

  const reports = computed(() =>
    (query.data.value?.quarterlyReports.nodes ?? []).filter((r) => r.year === toValue(year)),
  );
  const rows = computed(() => buildStatusGrid(query.data.value?.townships.nodes ?? [], reports.value));
  const summary = computed(() => summarise(rows.value, dueQuarters(toValue(year), todayInChina())));

  async function acceptReport(report: ReportForStatus): Promise<boolean> {
    actionError.value = null;
    const data = await accept.mutate({ id: report.id, expectedVersion: report.version });
    if (!data) actionError.value = accept.error.value;
    return data !== null;
  }

  async function returnReport(report: ReportForStatus, reason: string): Promise<boolean> {
    actionError.value = null;
    const data = await giveBack.mutate({ id: report.id, expectedVersion: report.version, reason });
    if (!data) actionError.value = giveBack.error.value;
    return data !== null;
  }

  return {
    rows,
    summary,
    loading: query.loading,
    error: query.error,
    hasData: computed(() => query.data.value !== undefined),
    refetch: query.refetch,
    acting: computed(() => accept.loading.value || giveBack.loading.value),
    actionError,
    acceptReport,
    returnReport,
  };
}
