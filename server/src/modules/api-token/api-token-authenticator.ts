import type { MikroORM } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { apiTokenErrors } from './api-token.errors.js';
import type { BearerScheme } from '../auth/token-service.js';
import { hashApiTokenSecret, looksLikeApiToken } from './api-token-secret.js';

/**
 * The API token bearer scheme, plugged into auth's TokenService by the server (start-server.ts).
 * Turns an API token's secret into the identity it acts as: its township's clerk, limited to its
 * operations. One statement on the primary, before the request transaction: `renda_use_api_token`
 * (security definer: no identity exists yet) finds the unrevoked, unexpired token by hash and stamps
 * its last use. The request transaction checks revocation again (apply-identity.ts).
 */
export class ApiTokenAuthenticator implements BearerScheme {
  constructor(private readonly orm: MikroORM) {}

  accepts(bearer: string): boolean {
    return looksLikeApiToken(bearer);
  }

  async authenticate(secret: string): Promise<Identity> {
    const rows = await this.orm.em
      .fork()
      .execute<{ id: string; county_id: string; township_id: string; operations: string[] }[]>(
        `select id, county_id, township_id, operations from renda_use_api_token(?)`,
        [hashApiTokenSecret(secret)],
      );
    const row = rows[0];
    if (!row) throw apiTokenErrors.invalid();
    return {
      userId: row.id,
      role: UserRole.TOWNSHIP_CLERK,
      countyId: row.county_id,
      townshipId: row.township_id,
      apiToken: { id: row.id, operations: row.operations },
    };
  }
}
