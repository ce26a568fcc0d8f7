/**
 * `sql` with MikroORM's positional `?` placeholders numbered as PostgreSQL's `$1`, `$2`, …, for a statement
 * PostgreSQL prepares. Every `?` is taken for a placeholder: only for statements that use none of jsonb's
 * `?` operators.
 */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
