import { Migration } from '@mikro-orm/migrations';

/**
 * The two functions every request's identity statement calls (tenancy/apply-identity.ts) become PL/pgSQL
 * (issue #19, the fixed cost of a request). Same signatures, bodies, owners, grants and settings.
 *
 * A `language sql` function that is `security definer` or carries a `set` clause is never inlined, and
 * PostgreSQL (before 18) keeps a SQL function's plan only for the one statement that calls it: each
 * request parsed and planned both bodies again. PL/pgSQL keeps its statements' plans for the connection's
 * life. Measured on the county tier (8 connections, `begin read only; <identity>` then a one-row read):
 * PostgreSQL's CPU per request 0.235–0.240 ms before, 0.150–0.160 ms after; the identity statement with no
 * function at all costs 0.100 ms.
 *
 * On a Citus cluster `citusFunctionStatements` converted both the same way already; it converts only
 * `language sql` functions, so it now leaves them as they are, and `customPlanStatements` still gives them
 * custom plans there.
 */
const identityValid = (language: 'sql' | 'plpgsql') => {
  const apiToken = `exists (select 1 from api_token where id = p_api_token and county_id = p_county and revoked_at is null and expires_at > now())`;
  const person = `exists (select 1 from app_user where id = p_user and county_id = p_county and active and token_version = p_token_version)`;
  const body =
    language === 'sql'
      ? `select case when p_api_token is not null then ${apiToken} else ${person} end`
      : `begin
        if p_api_token is not null then
          return ${apiToken};
        end if;
        return ${person};
      end`;
  return `create or replace function renda_identity_valid(p_user uuid, p_token_version integer, p_api_token uuid, p_county uuid) returns boolean
      language ${language} stable security definer set search_path = public as $$
      ${body} $$;`;
};

const dataVersion = (language: 'sql' | 'plpgsql') => {
  const sum = `select coalesce(sum(n), 0)::bigint from public.county_data_change where county_id = county`;
  return `create or replace function renda_data_version(county uuid) returns bigint
      language ${language} stable security definer set search_path = pg_catalog, public as $fn$
      ${language === 'sql' ? sum : `begin return (${sum}); end`} $fn$;`;
};

export class Migration20261207161500_identity_functions_plpgsql extends Migration {
  override name = 'Migration20261207161500_identity_functions_plpgsql';

  override up(): void | Promise<void> {
    this.addSql(identityValid('plpgsql'));
    this.addSql(dataVersion('plpgsql'));
  }

  override down(): void | Promise<void> {
    this.addSql(identityValid('sql'));
    this.addSql(dataVersion('sql'));
  }
}
