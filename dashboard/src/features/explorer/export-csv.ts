import { fileNameFromDisposition } from '../../utils/csv';
import type { GraphQLErrorLike } from '../../utils/describe-error';
import { useSessionStore } from '../../stores/session';

export const EXPORT_CSV_PATH = '/export/csv';

export type CsvExportResult =
  { ok: true; blob: Blob; fileName: string | null } | { ok: false; status: number; errors: GraphQLErrorLike[] };

/**
 * Runs a query on the server and gets its first list as CSV (POST /export/csv, with the bearer token):
 * the same rules as /graphql, so an analyst never gets contact details. A refused token ends the session.
 */
export async function exportCsv(
  query: string,
  variables: Record<string, unknown> | null,
  filename: string,
): Promise<CsvExportResult> {
  const session = useSessionStore();
  const response = await fetch(EXPORT_CSV_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: JSON.stringify({ query, variables, filename }),
  });
  if (response.ok) {
    const disposition = response.headers.get('content-disposition');
    return { ok: true, blob: await response.blob(), fileName: fileNameFromDisposition(disposition) };
  }
  let errors: GraphQLErrorLike[] = [];
  try {
    const body = (await response.json()) as { errors?: GraphQLErrorLike[] };
    errors = body.errors ?? [];
  } catch {
    errors = [{ message: `HTTP ${response.status}` }];
  }
  if (response.status === 401) session.expire();
  return { ok: false, status: response.status, errors };
}
