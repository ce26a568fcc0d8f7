import type { RunSql } from './distribute.js';

interface PolicyRow {
  table: string;
  name: string;
  permissive: string;
  command: string;
  roles: string[];
  using: string | null;
  check: string | null;
}

/**
 * The function-call wrapper every policy uses, `(SELECT renda_county() AS renda_county)`, as
 * `pg_get_expr` prints it. On one server the wrapper is an InitPlan (the function runs once per
 * statement instead of once per row: a measured speed-up); Citus 12.1 refuses any subquery in a policy
 * of a distributed table, so on a cluster the bare call takes its place: same value, same meaning.
 */
const WRAPPED_CALL = /\( SELECT (renda_\w+)\(\) AS \w+\)/g;

export function unwrapPolicyExpression(expression: string): string {
  return expression.replace(WRAPPED_CALL, '$1()');
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The statements that replace every policy still holding a subquery by its Citus form (none when done). */
export async function citusPolicyRewrites(run: RunSql): Promise<string[]> {
  const policies = (await run(
    `select tablename as "table", policyname as name, permissive, cmd as command, roles::text[] as roles,
            qual as using, with_check as check
       from pg_policies where schemaname = 'public' order by tablename, policyname`,
  )) as PolicyRow[];
  const statements: string[] = [];
  for (const policy of policies) {
    const using = policy.using === null ? null : unwrapPolicyExpression(policy.using);
    const check = policy.check === null ? null : unwrapPolicyExpression(policy.check);
    if (using === policy.using && check === policy.check) continue;
    const roles = policy.roles.map((r) => (r === 'public' ? 'public' : ident(r))).join(', ');
    statements.push(`drop policy ${ident(policy.name)} on ${ident(policy.table)}`);
    statements.push(
      `create policy ${ident(policy.name)} on ${ident(policy.table)} as ${policy.permissive} for ${policy.command} to ${roles}` +
        (using === null ? '' : ` using (${using})`) +
        (check === null ? '' : ` with check (${check})`),
    );
  }
  return statements;
}
