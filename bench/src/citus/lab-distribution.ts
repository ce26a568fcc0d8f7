import type pg from 'pg';
import { DISTRIBUTED_TABLES, DISTRIBUTION_COLUMN, REFERENCE_TABLES } from '@renda/server/dist/database/shard-plan.js';

/**
 * The lead's hand procedure (the Citus lab of issue #20: redo.sh, distribute.sh, unwrap-policies.sql),
 * used by the bench only while `server/src/database/citus/distribute.ts` (`distributeByCounty`) is not
 * in the build. It gives up what the bench's workloads do not need, and says so in its log lines:
 * - the 13 policies Citus 12.1 cannot take (subqueries: the deputy role's and account_invitation's) are
 *   dropped, so a deputy sees nothing (row-level security fails closed);
 * - the foreign keys Citus refuses (`on delete set null (col)`) are left out;
 * - `app_user_login_unique` is dropped (a login directory replaces it in the real design).
 * Every other policy loses its InitPlan wrapper (`(select renda_county())` → `renda_county()`), and
 * SQL functions with parameters become PL/pgSQL, which Citus can plan ("could not create distributed
 * plan … parameters in SQL functions").
 */
export async function labDistribution(client: pg.Client, log: (line: string) => void): Promise<void> {
  const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;

  // 1. Policies: unwrap the InitPlans; drop what still holds a subquery.
  const policies = await q<{
    tablename: string;
    policyname: string;
    permissive: string;
    cmd: string;
    roles: string;
    qual: string | null;
    with_check: string | null;
  }>(
    `select tablename, policyname, permissive, cmd, array_to_string(roles, ', ') as roles, qual, with_check from pg_policies where schemaname = 'public'`,
  );
  const unwrap = (e: string | null) => e?.replace(/\( SELECT (renda_\w+)\(\) AS \w+\)/g, '$1()') ?? null;
  const dropped: string[] = [];
  await client.query('begin');
  for (const p of policies) {
    const qual = unwrap(p.qual);
    const check = unwrap(p.with_check);
    if (qual === p.qual && check === p.with_check) continue;
    await client.query(`drop policy "${p.policyname}" on "${p.tablename}"`);
    // `x IN (SELECT f())`, `(SELECT col FROM f())` and `EXISTS (…)` are subqueries of their own.
    const subquery = /IN \( SELECT|EXISTS|select/i;
    if (subquery.test(`${qual ?? ''} ${check ?? ''}`) || /IN \( SELECT/.test(`${p.qual ?? ''} ${p.with_check ?? ''}`)) {
      dropped.push(p.policyname);
      continue;
    }
    await client.query(
      `create policy "${p.policyname}" on "${p.tablename}" as ${p.permissive} for ${p.cmd} to ${p.roles}` +
        (qual ? ` using (${qual})` : '') +
        (check ? ` with check (${check})` : ''),
    );
  }
  await client.query('commit');
  log(`citus (lab procedure): dropped ${dropped.length} policies Citus cannot take: ${dropped.join(', ')}`);

  // 2. One-statement SQL functions with parameters → PL/pgSQL.
  await sqlFunctionsToPlpgsql(client);

  // 3. Foreign keys off, user triggers off, the login's platform-wide unique index off.
  const foreignKeys = await q<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace`,
  );
  for (const fk of foreignKeys) await client.query(`alter table ${fk.tbl} drop constraint "${fk.name}"`);
  const tables = [...REFERENCE_TABLES, ...DISTRIBUTED_TABLES];
  for (const t of tables) await client.query(`alter table "${t}" disable trigger user`);
  await client.query('alter table app_user drop constraint if exists app_user_login_unique');

  // 4. Reference tables, then township, then the rest co-located with it.
  const distributed = new Set(
    (await q<{ t: string }>(`select logicalrelid::regclass::text as t from pg_dist_partition`)).map((r) => r.t),
  );
  for (const t of REFERENCE_TABLES)
    if (!distributed.has(t)) await client.query(`select create_reference_table('${t}')`);
  for (const t of DISTRIBUTED_TABLES) {
    if (distributed.has(t)) continue;
    const colocate = t === 'township' ? '' : `, colocate_with => 'township'`;
    await client.query(`select create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}'${colocate})`);
  }

  // 5. Foreign keys and triggers back.
  const refused: string[] = [];
  for (const fk of foreignKeys) {
    try {
      await client.query(`alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def}`);
    } catch (error) {
      refused.push(`${fk.name} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (refused.length > 0) log(`citus (lab procedure): ${refused.length} foreign keys left out: ${refused.join('; ')}`);
  for (const t of tables) await client.query(`alter table "${t}" enable trigger user`);
}

/**
 * Rewrites every one-statement `language sql` function with parameters of the public schema as PL/pgSQL
 * with the same signature and body. Citus cannot plan a parameterised SQL function body that reads a
 * distributed table ("could not create distributed plan … parameters in SQL functions"); PL/pgSQL
 * plans its statement at run time with the values bound. Also used for the bench's own PostGraphile
 * functions, created after the distribution.
 */
export async function sqlFunctionsToPlpgsql(client: pg.Client): Promise<void> {
  const functions = await client.query<{ def: string; retset: boolean; void: boolean }>(
    `select pg_get_functiondef(p.oid) as def, p.proretset as retset, p.prorettype = 'void'::regtype as void from pg_proc p join pg_language l on l.oid = p.prolang
      where l.lanname = 'sql' and p.pronamespace = 'public'::regnamespace and p.pronargs > 0`,
  );
  for (const f of functions.rows) {
    const match = /^([\s\S]*?)LANGUAGE sql([\s\S]*?AS )\$function\$([\s\S]*)\$function\$\s*$/.exec(f.def);
    const body = match?.[3]?.trim().replace(/;$/, '');
    if (!match || !body || body.includes(';')) continue;
    const plpgsql = f.void
      ? `begin ${body.replace(/^select\b/i, 'perform')}; end`
      : f.retset
        ? `begin return query ${body}; end`
        : `begin return (${body}); end`;
    await client.query(`${match[1]}LANGUAGE plpgsql${match[2]}$function$ ${plpgsql} $function$`);
  }
}
