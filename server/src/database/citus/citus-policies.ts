import { quoteIdentifier } from '../../common/sql/quote-identifier.js';
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
 * Citus 12.1 refuses any subquery in a policy of a distributed or reference table. Each rule below turns
 * one form of subquery the schema's policies use (as `pg_get_expr` prints them) into a subquery-free
 * expression of the same meaning on the cluster (the wrapper's rule last: the others match wrapped calls):
 *
 * 1. `(SELECT renda_county() AS renda_county)`: on one server the wrapper is an InitPlan (the function
 *    runs once per statement, not once per row: a measured speed-up); the bare call has the same value.
 * 2. A deputy's own row, `(SELECT renda_deputy_row.township_id FROM renda_deputy_row() …)`: a query of
 *    `deputy` inside a policy would be a distributed query from a shard, which Citus refuses. On the
 *    cluster the identity statement's `renda_share_settings()` (citus-functions.ts) reads the row on the
 *    coordinator and hands its ids to every node as `renda.deputy_<column>` settings.
 * 3. A deputy's activities and suggestions, `id IN (SELECT renda_deputy_activities() …)`: likewise, the
 *    ids as a comma-separated setting, compared with `= any`.
 * 4. `account_invitation`'s `EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id)` (the invited user
 *    must be visible to the caller): on the cluster the same users by app_user's read policies, through the
 *    invitation's own columns: the county admin (every user of the county) or the township's clerk when
 *    the invited user is a deputy (`user_role`, set by a trigger from the row the writer sees). The
 *    login-lookup branch of app_user's policy (sign-in) is left out: narrower, never wider.
 */
const RULES: [RegExp, string][] = [
  [
    /\( SELECT renda_deputy_row\.(\w+)\s+FROM renda_deputy_row\(\) renda_deputy_row\([^)]*\)\)/g,
    "renda_setting_uuid('renda.deputy_$1')",
  ],
  [
    /\((\w+) IN \( SELECT renda_deputy_(activities|suggestions)\(\) AS \w+\)\)/g,
    "($1 = ANY (renda_setting_uuids('renda.deputy_$2')))",
  ],
  [
    /\(EXISTS \( SELECT 1\s+FROM app_user u\s+WHERE \(u\.id = account_invitation\.user_id\)\)\)/g,
    "((renda_role() = 'COUNTY_ADMIN'::text) OR ((renda_role() = 'TOWNSHIP_CLERK'::text) AND (account_invitation.township_id = renda_township()) AND (account_invitation.user_role = 'DEPUTY'::text)))",
  ],
  [/\( SELECT (renda_\w+)\(\) AS \w+\)/g, '$1()'],
];

export function citusPolicyExpression(expression: string): string {
  return RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), expression);
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
    const using = policy.using === null ? null : citusPolicyExpression(policy.using);
    const check = policy.check === null ? null : citusPolicyExpression(policy.check);
    if (using === policy.using && check === policy.check) continue;
    const roles = policy.roles.map((r) => (r === 'public' ? 'public' : quoteIdentifier(r))).join(', ');
    statements.push(`drop policy ${quoteIdentifier(policy.name)} on ${quoteIdentifier(policy.table)}`);
    statements.push(
      `create policy ${quoteIdentifier(policy.name)} on ${quoteIdentifier(policy.table)} as ${policy.permissive} for ${policy.command} to ${roles}` +
        (using === null ? '' : ` using (${using})`) +
        (check === null ? '' : ` with check (${check})`),
    );
  }
  return statements;
}
