import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { Command } from 'commander';
import { County } from '../../modules/county/county.entity.js';
import { User } from '../../modules/auth/user.entity.js';
import { InvitationService } from '../../modules/auth/invitation.service.js';
import { passwordHasher } from '../../modules/auth/password-hasher.js';
import { registerLogins } from '../../modules/auth/login-directory.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cleanText, findCounty } from '../cli-input.js';
import { cliErrors } from '../cli.errors.js';

interface AdminInviteOptions {
  county: string;
  username: string;
  displayName?: string;
  baseUrl?: string;
  json?: boolean;
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{2,79}$/;

/** Where activation links point: --base-url, else RENDA_PUBLIC_URL, else this machine's server. */
function baseUrl(option: string | undefined, port: number): string {
  const raw = option ?? process.env['RENDA_PUBLIC_URL'] ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw cliErrors.invalidBaseUrl(raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw cliErrors.invalidBaseUrl(raw);
  return url.toString().replace(/\/+$/, '');
}

/**
 * `renda admin invite`: the county's administrator, created on first use with a password nobody knows,
 * and a one-time activation link with which they choose their own. Inviting the same admin again issues
 * a new link (the old one stops working): the way to recover a lost first link.
 */
export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('县管理员 / County administrators');
  admin
    .command('invite')
    .description('邀请县管理员，输出一次性激活链接 / Invite a county admin: prints a one-time activation link')
    .requiredOption('--county <id|name>', 'the county (id, name or code)')
    .requiredOption('--username <u>', 'login: 3–80 lower-case letters, digits, . _ -')
    .option('--display-name <n>', 'the name shown (default: the username)')
    .option('--base-url <url>', 'the dashboard’s address (default: RENDA_PUBLIC_URL or http://localhost:PORT)')
    .option('--json', 'machine-readable output')
    .action(async (options: AdminInviteOptions) => {
      const out = cliOutput(options.json ?? false);
      const login = options.username.trim();
      if (!LOGIN.test(login)) throw cliErrors.invalidLogin();
      const displayName = cleanText(options.displayName ?? login, '--display-name', 100);
      const result = await withCliContext({}, async (ctx) => {
        const link = baseUrl(options.baseUrl, ctx.config.port);
        return ctx.em().transactional(async (em) => {
          const county = await findCounty(em, options.county);
          let user = await em.findOne(User, { login });
          const created = user === null;
          if (user === null) {
            user = Object.assign(new User(), {
              login,
              displayName,
              // Nobody knows it: the admin signs in only after choosing a password through the link.
              passwordHash: await passwordHasher.hash(randomBytes(32).toString('base64url')),
              role: UserRole.COUNTY_ADMIN,
              county: ref(County, county.id),
            });
            em.persist(user);
            await em.flush();
            await registerLogins(em, [user]);
          } else if (user.county.id !== county.id || user.role !== UserRole.COUNTY_ADMIN) {
            throw cliErrors.loginTaken(login);
          }
          const invitation = await new InvitationService(em).issue(user);
          return {
            userId: user.id,
            created,
            countyId: county.id,
            activationUrl: `${link}/activate/${invitation.token}`,
            expiresAt: invitation.expiresAt.toISOString(),
          };
        });
      });
      out.result(result, [
        result.created
          ? `已新建县管理员 / created county admin: ${login}`
          : `已为现有管理员重新签发链接（旧链接失效）/ new link for the existing admin (older links stop working): ${login}`,
        `激活链接（一次有效，${result.expiresAt} 前）/ activation link (works once, until ${result.expiresAt}):`,
        result.activationUrl,
      ]);
    });
}
