import type { Command } from 'commander';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { findCounty } from '../cli-input.js';

interface UserRow {
  id: string;
  login: string;
  displayName: string;
  role: string;
  county: string;
  township: string | null;
  active: boolean;
  demoCredentials: boolean;
  /** ACTIVE (signs in), INVITED (a link works, no password chosen yet), INACTIVE (deactivated). */
  status: 'ACTIVE' | 'INVITED' | 'INACTIVE';
  invitationExpiresAt: string | null;
}

type QueriedUser = Omit<UserRow, 'status' | 'invitationExpiresAt'> & {
  invitedUntil: Date | null;
  everInvited: boolean;
  everActivated: boolean;
};

/** `renda users list`: every user (or a county's), with whether they still have to activate. */
export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('用户 / Users');
  users
    .command('list')
    .description('列出用户 / List users')
    .option('--county <id|name>', 'only this county (id, name or code)')
    .option('--json', 'machine-readable output')
    .action(async (options: { county?: string; json?: boolean }) => {
      const out = cliOutput(options.json ?? false);
      const rows = await withCliContext({}, async (ctx) => {
        const em = ctx.em();
        const countyId = options.county === undefined ? null : (await findCounty(em, options.county)).id;
        return em.execute<QueriedUser[]>(
          `select u.id, u.login, u.display_name as "displayName", u.role, c.name as county, t.name as township,
                  u.active, u.demo_credentials as "demoCredentials",
                  (select max(i.expires_at) from account_invitation i
                    where i.user_id = u.id and i.used_at is null and i.revoked_at is null and i.expires_at > now()) as "invitedUntil",
                  exists (select 1 from account_invitation i where i.user_id = u.id and i.used_at is not null) as "everActivated",
                  exists (select 1 from account_invitation i where i.user_id = u.id) as "everInvited"
             from app_user u join county c on c.id = u.county_id left join township t on t.id = u.township_id
            where (?::uuid is null or u.county_id = ?::uuid)
            order by c.name, u.role, u.login`,
          [countyId, countyId],
        );
      });
      const list: UserRow[] = rows.map(({ invitedUntil, everInvited, everActivated, ...user }) => ({
        ...user,
        // Invited: links were issued and none was ever used (an admin made with a password is ACTIVE).
        status: !user.active ? 'INACTIVE' : everInvited && !everActivated ? 'INVITED' : 'ACTIVE',
        invitationExpiresAt: invitedUntil ? new Date(invitedUntil).toISOString() : null,
      }));
      out.result(
        list,
        list.length === 0
          ? ['没有用户 / no users']
          : list.map(
              (u) =>
                `${u.login}\t${u.role}\t${u.county}${u.township ? ` ${u.township}` : ''}\t${u.status}${
                  u.invitationExpiresAt ? ` (link until ${u.invitationExpiresAt})` : ''
                }\t${u.displayName}`,
            ),
      );
    });
}
