import type { Identity } from '../../tenancy/identity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { AppError } from '../../common/errors/app-error.js';
import { TokenService, type BearerScheme } from './token-service.js';

const SECRET = 'token-service-test-secret-token-service-test-secret';
const PREFIX = 'scheme_';
const SCHEME_IDENTITY: Identity = {
  userId: '00000000-0000-7000-8000-000000000001',
  role: UserRole.TOWNSHIP_CLERK,
  countyId: '00000000-0000-7000-8000-000000000002',
  townshipId: '00000000-0000-7000-8000-000000000003',
  apiToken: { id: '00000000-0000-7000-8000-000000000001', operations: ['quarterlyReports'] },
};

/** A bearer scheme like the API tokens' (plugged in by the server), recording what it was asked. */
function prefixScheme(refuse = false): BearerScheme & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    accepts: (bearer) => bearer.startsWith(PREFIX),
    authenticate: async (bearer) => {
      seen.push(bearer);
      if (refuse)
        throw new AppError({
          code: 'UNAUTHENTICATED',
          reason: 'TEST_SCHEME_REFUSED',
          messageZh: '令牌无效',
          messageEn: 'scheme refused',
        });
      return SCHEME_IDENTITY;
    },
  };
}

const staff: Identity = {
  userId: '00000000-0000-7000-8000-000000000004',
  role: UserRole.COUNTY_STAFF,
  countyId: '00000000-0000-7000-8000-000000000002',
  townshipId: null,
  tokenVersion: 3,
};

describe('TokenService bearer schemes (auth knows API tokens only as a plugged-in scheme)', () => {
  it('hands a bearer its scheme accepts to that scheme, and reads every other bearer as a login token', async () => {
    const scheme = prefixScheme();
    const tokens = new TokenService(SECRET, 3600, [scheme]);
    await expect(tokens.verify(`${PREFIX}abc`)).resolves.toEqual(SCHEME_IDENTITY);
    const { token } = await tokens.issue(staff);
    await expect(tokens.verify(token)).resolves.toEqual(staff);
    expect(scheme.seen).toEqual([`${PREFIX}abc`]);
  });

  it('keeps a scheme’s refusal: a refused bearer is never retried as a login token', async () => {
    const tokens = new TokenService(SECRET, 3600, [prefixScheme(true)]);
    await expect(tokens.verify(`${PREFIX}abc`)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TEST_SCHEME_REFUSED',
      messageEn: 'scheme refused',
    });
  });

  it('without schemes, refuses a bearer of an unplugged scheme as not signed in', async () => {
    const tokens = new TokenService(SECRET, 3600);
    const refusal = await tokens.verify(`${PREFIX}abc`).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_SESSION_TOKEN',
      messageEn: 'Sign in first',
    });
  });
});
