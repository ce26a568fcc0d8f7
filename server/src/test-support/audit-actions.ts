import { withDatabaseClient } from './test-cluster.js';

/** The audit trail of one row, oldest first, as `ACTION by ROLE` (read as superuser). */
export async function auditActions(url: string, rowId: string): Promise<string[]> {
  const { rows } = await withDatabaseClient(url, (client) =>
    client.query<{ action: string; role: string }>('select action, role from audit_log where row_id = $1 order by id', [
      rowId,
    ]),
  );
  return rows.map((row) => `${row.action} by ${row.role}`);
}
