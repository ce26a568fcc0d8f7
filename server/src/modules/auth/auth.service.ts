import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../common/context/identity.js';
import { User } from './user.entity.js';
import { passwordHasher } from './password-hasher.js';
import type { TokenService } from './token-service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { authErrors } from './auth.errors.js';
import type { LoginPayload } from './dto/login-payload.js';

/** Verifying against a real hash when the login is unknown keeps both failures equally slow. */
let dummyHash: Promise<string> | null = null;
const dummy = (): Promise<string> => (dummyHash ??= passwordHasher.hash('renda-no-such-user'));

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
  ) {}

  /**
   * Runs outside the request transaction (login is sent alone), so a failed attempt is recorded even
   * though the mutation then fails. The user lookup is the only read of `app_user` before an identity
   * exists: in its own transaction, the row-level policy shows exactly the user whose login it names.
   */
  async login(login: string, password: string, address: string, inRequestTransaction: boolean): Promise<LoginPayload> {
    if (inRequestTransaction) throw authErrors.loginNotAlone();
    const limiter = new LoginRateLimiter(this.em);
    await limiter.assertAllowed(login, address);
    const user = await this.em.transactional(async (tx) => {
      await tx.execute(`select set_config('renda.auth_login', ?, true)`, [login]);
      return tx.findOne(User, { login }, { populate: ['passwordHash'] });
    });
    const valid = await passwordHasher.verify(user?.passwordHash ?? (await dummy()), password);
    await limiter.record(login, address, Boolean(user && user.active && valid));
    if (!user || !user.active || !valid) throw authErrors.invalidCredentials();
    const identity: Identity = {
      userId: user.id,
      role: user.role,
      countyId: user.county.id,
      townshipId: user.township?.id ?? null,
    };
    return { ...(await this.tokens.issue(identity)), user };
  }
}
