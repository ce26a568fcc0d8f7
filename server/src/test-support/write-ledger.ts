import { withDatabaseClient } from './test-cluster.js';

type Row = Record<string, unknown>;
/** table → id → the row as PostgreSQL's to_jsonb gives it. */
export type TableSnapshot = Map<string, Map<string, Row>>;

/** GraphQL field names whose column is not simply the snake_case of the name. */
const COLUMN_OF: Record<string, string> = { contactPhone: 'phone' };
const columnOf = (field: string) => COLUMN_OF[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function snapshotTables(url: string, tables: readonly string[]): Promise<TableSnapshot> {
  return withDatabaseClient(url, async (client) => {
    const snapshot: TableSnapshot = new Map();
    for (const table of tables) {
      const { rows } = await client.query<{ row: Row }>(`select to_jsonb(t) as row from "${table}" t`);
      snapshot.set(table, new Map(rows.map(({ row }) => [row['id'] as string, row])));
    }
    return snapshot;
  });
}

export async function lastAuditId(url: string): Promise<number> {
  return withDatabaseClient(url, async (client) =>
    Number((await client.query<{ id: string | null }>('select max(id) as id from audit_log')).rows[0]!.id ?? 0),
  );
}

/**
 * What accepted mutations returned: the last response for each row, and for a child table (activity
 * participants) the complete list a parent's last response gave. Everything else must be untouched.
 */
export class WriteLedger {
  private readonly rows = new Map<string, Map<string, Row>>();
  private readonly children = new Map<string, { parentColumn: string; lists: Map<string, Row[]> }>();
  /** Every row id any accepted response named, also children a later response dropped. */
  private readonly named = new Set<string>();

  accept(table: string, row: { id: string }): void {
    if (!this.rows.has(table)) this.rows.set(table, new Map());
    this.rows.get(table)!.set(row.id, { ...row });
    this.named.add(row.id);
  }

  acceptChildren(table: string, parentColumn: string, parentId: string, list: { id: string }[]): void {
    if (!this.children.has(table)) this.children.set(table, { parentColumn, lists: new Map() });
    this.children.get(table)!.lists.set(
      parentId,
      list.map((row) => ({ ...row })),
    );
    for (const row of list) this.named.add(row.id);
  }

  get size(): number {
    return [...this.rows.values()].reduce((n, rows) => n + rows.size, 0);
  }

  /**
   * Compares the database with the ledger: rows the ledger knows hold what their last response said,
   * child lists of touched parents are exactly the listed rows, and every other row is byte-for-byte
   * what the snapshot held (so no refused mutation left anything behind, and nothing was created unseen).
   */
  async expectDatabase(url: string, before: TableSnapshot): Promise<void> {
    const after = await snapshotTables(url, [...before.keys()]);
    const problems: string[] = [];
    for (const [table, rowsAfter] of after) {
      const rowsBefore = before.get(table)!;
      const known = this.rows.get(table) ?? new Map<string, Row>();
      const child = this.children.get(table);
      const listed = new Map<string, Row>();
      for (const list of child?.lists.values() ?? []) for (const row of list) listed.set(row['id'] as string, row);
      for (const id of new Set([...rowsBefore.keys(), ...rowsAfter.keys()])) {
        const stored = rowsAfter.get(id);
        const expected = known.get(id) ?? listed.get(id);
        const parent = child && (stored ?? rowsBefore.get(id))?.[child.parentColumn];
        if (expected) {
          if (!stored) problems.push(`${table} ${id}: accepted but not stored`);
          else
            for (const [field, value] of Object.entries(expected)) {
              const column = columnOf(field);
              if (column in stored && JSON.stringify(stored[column]) !== JSON.stringify(value))
                problems.push(
                  `${table} ${id}.${column}: stored ${JSON.stringify(stored[column])}, returned ${JSON.stringify(value)}`,
                );
            }
        } else if (child && typeof parent === 'string' && child.lists.has(parent)) {
          if (stored) problems.push(`${table} ${id}: stored but not in its parent's last response`);
        } else if (JSON.stringify(stored) !== JSON.stringify(rowsBefore.get(id))) {
          problems.push(`${table} ${id}: changed without an accepted mutation`);
        }
      }
    }
    expect(problems).toEqual([]);
  }

  /**
   * Audit rows written since `sinceId` concern only rows accepted responses named, or children that a
   * touched parent had before (a replaced participant list deletes them).
   */
  async expectAuditedOnly(url: string, sinceId: number, before: TableSnapshot): Promise<void> {
    const allowed = new Set(this.named);
    for (const [table, { parentColumn, lists }] of this.children) {
      for (const [id, row] of before.get(table) ?? []) if (lists.has(row[parentColumn] as string)) allowed.add(id);
    }
    const audited = await withDatabaseClient(url, (client) =>
      client.query<{ row_id: string; table_name: string }>(
        'select distinct row_id, table_name from audit_log where id > $1',
        [sinceId],
      ),
    );
    expect(audited.rows.filter((row) => !allowed.has(row.row_id))).toEqual([]);
  }
}
