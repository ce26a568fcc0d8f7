import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { ApiToken } from './api-token.entity.js';
import { apiTokenErrors } from './api-token.errors.js';
import { hashApiTokenSecret, newApiTokenSecret } from './api-token-secret.js';
import type { CreateApiTokenInput } from './dto/create-api-token.input.js';
import type { CreateApiTokenPayload } from './dto/create-api-token-payload.js';
import { townshipErrors } from '../township/township.errors.js';

const DEFAULT_LIFETIME_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

/**
 * API tokens of the caller's county (a county admin) or township (its clerk); row-level security
 * confines every read and write to exactly those, so the checks here only shape clean refusals.
 */
export class ApiTokenService {
  constructor(private readonly em: EntityManager) {}

  /** `countyId` (the caller's) is named as well as row-level security applies it: one shard group on Citus. */
  list(countyId?: string): Promise<ApiToken[]> {
    return this.em.find(ApiToken, countyId ? { county: countyId } : {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  async create(identity: Identity, input: CreateApiTokenInput): Promise<CreateApiTokenPayload> {
    const townshipId = await this.townshipFor(identity, input.townshipId ?? null);
    if (new Set(input.operations).size !== input.operations.length) throw apiTokenErrors.duplicateOperation();
    const secret = newApiTokenSecret();
    const apiToken = Object.assign(new ApiToken(), {
      township: ref(Township, townshipId),
      county: ref(County, identity.countyId),
      name: input.name,
      tokenHash: hashApiTokenSecret(secret),
      operations: input.operations,
      createdBy: identity.userId,
      expiresAt: new Date(Date.now() + (input.expiresInDays ?? DEFAULT_LIFETIME_DAYS) * DAY_MS),
    });
    await this.em.persist(apiToken).flush();
    return { token: secret, apiToken };
  }

  async revoke(id: string, countyId?: string): Promise<ApiToken> {
    assertUuid(id, ['id']);
    const apiToken = await this.em.findOne(ApiToken, countyId ? { id, county: countyId } : { id });
    if (!apiToken) throw apiTokenErrors.notFound(id);
    if (apiToken.revokedAt) throw apiTokenErrors.alreadyRevoked();
    apiToken.revokedAt = new Date();
    await this.em.flush();
    return apiToken;
  }

  /** A clerk's token is for its own township; a county admin names one of the county's townships. */
  private async townshipFor(identity: Identity, townshipId: string | null): Promise<string> {
    if (identity.role === UserRole.TOWNSHIP_CLERK) {
      if (townshipId !== null && townshipId !== identity.townshipId) throw apiTokenErrors.otherTownship();
      return identity.townshipId!;
    }
    if (townshipId === null) throw apiTokenErrors.townshipRequired();
    assertUuid(townshipId, ['input', 'townshipId']);
    const township = await this.em.findOne(Township, { id: townshipId, county: identity.countyId });
    if (!township) throw townshipErrors.notFound(townshipId, ['input', 'townshipId']);
    return township.id;
  }
}
