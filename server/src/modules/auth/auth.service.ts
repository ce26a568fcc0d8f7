import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { User } from './user.entity.js';
import { passwordHasher } from './password-hasher.js';
import type { SessionTokens } from '../../tenancy/identity.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { authErrors } from './auth.errors.js';
import { identityOf, type SignedIn } from './signed-in.js';
import { beginLoginLookup } from './login-directory.js';

/** Verifying against a real hash when the login is unknown keeps both failures equally slow. */
let dummyHash: Promise<string> | null = null;
const dummy = (): Promise<string> => (dummyHash ??= passwordHasher.hash('renda-no-such-user'));

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: SessionTokens,
  ) {}

  /**
   * Runs outside the request transaction (login is sent alone), so a failed attempt is recorded even
   * though the mutation then fails. The attempt is reserved (counted as failed) before the password is
   * checked, so concurrent attempts cannot slip past the throttle. The user lookup is the only read of
   * `app_user` before an identity exists: in its own transaction, the row-level policy shows exactly
   * the user whose login it names, and the login directory names its county first, so the read goes to
   * that county alone (one shard on a Citus cluster). An unknown login reads nothing and is verified
   * against the dummy hash like a wrong password.
   */
  async login(login: string, password: string, address: string, inRequestTransaction: boolean): Promise<SignedIn> {
    if (inRequestTransaction) throw authErrors.loginNotAlone();
    const limiter = new LoginRateLimiter(this.em);
    const attemptId = await limiter.reserve(login, address);
    const user = await this.em.transactional(async (tx) => {
      const county = await beginLoginLookup(tx, login);
      return county === null ? null : tx.findOne(User, { login, county }, { populate: ['passwordHash'] });
    });
    const valid = await passwordHasher.verify(user?.passwordHash ?? (await dummy()), password);
    if (!user || !user.active || !valid) throw authErrors.invalidCredentials();
    await limiter.succeeded(attemptId);
    const identity = identityOf(user);
    return { payload: { ...(await this.tokens.issue(identity)), user }, identity };
  }

  /**
   * Ends every session of the signed-in user: bumps `app_user.token_version` (through a security-definer
   * function, as users may not update their own row), so every token issued so far is refused from the
   * next request on. Runs in the request transaction; its own token is refused afterwards too.
   */
  async signOut(identity: Identity): Promise<boolean> {
    if (identity.apiToken) throw authErrors.signOutByApiToken();
    await this.em.execute(`select renda_sign_out()`);
    return true;
  }
}
