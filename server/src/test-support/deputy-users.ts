import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import { withDatabaseClient } from './test-cluster.js';
import type { TestServer } from './test-server.js';

/** A deputy picked for the DEPUTY role's tests, and one it shares an activity with. */
export interface DeputyPick {
  deputyId: string;
  townshipId: string;
  countyId: string;
  stationId: string;
  /** Another deputy of the same township who took part in one of this deputy's activities. */
  coParticipantId: string;
  sharedActivityId: string;
}

/**
 * A serving deputy of the township with a station, suggestions and an activity shared with another
 * deputy (read as superuser), so every path the DEPUTY role's tests attack has rows on both sides. The
 * joins name `county_id` as well, so the Citus suite can run them (co-located tables joined on it).
 * `skip` leaves out deputies already picked.
 */
export async function pickDeputy(url: string, townshipCode: string, skip: readonly string[] = []): Promise<DeputyPick> {
  return withDatabaseClient(url, async (client) => {
    const { rows } = await client.query<{
      id: string;
      township_id: string;
      county_id: string;
      station_id: string;
      other: string;
      activity_id: string;
    }>(
      `select d.id, d.township_id, d.county_id, d.station_id, o.deputy_id as other, o.activity_id
         from deputy d
         join township t on t.county_id = d.county_id and t.id = d.township_id and t.code = $1
         join activity_participant p on p.county_id = d.county_id and p.deputy_id = d.id
         join activity_participant o on o.county_id = p.county_id and o.activity_id = p.activity_id and o.deputy_id <> d.id
        where d.status = 'ACTIVE' and d.station_id is not null and d.phone is not null
          and exists (select 1 from suggestion_proposer sp where sp.county_id = d.county_id and sp.deputy_id = d.id)
          and exists (select 1 from deputy od where od.county_id = o.county_id and od.id = o.deputy_id and od.phone is not null)
          and not (d.id = any ($2::uuid[]))
          and not exists (select 1 from app_user u where u.county_id = d.county_id and u.deputy_id = d.id)
        order by d.id, o.activity_id, o.deputy_id limit 1`,
      [townshipCode, [...skip]],
    );
    const row = rows[0];
    if (!row) throw new Error(`no deputy to pick in ${townshipCode}`);
    return {
      deputyId: row.id,
      townshipId: row.township_id,
      countyId: row.county_id,
      stationId: row.station_id,
      coParticipantId: row.other,
      sharedActivityId: row.activity_id,
    };
  });
}

/**
 * Opens the deputy's account as its township's clerk and activates it with the demo password (through
 * the activation link, as the deputy would), so `{ as: login }` works.
 */
export async function inviteTestDeputy(t: TestServer, clerk: string, login: string, deputyId: string): Promise<void> {
  const res = await t.graphql<{ inviteDeputy: { activationPath: string } }>(
    'mutation ($input: InviteDeputyInput!) { inviteDeputy(input: $input) { activationPath } }',
    { input: { deputyId, username: login } },
    { as: clerk },
  );
  if (!res.data) throw new Error(`inviting ${login} failed: ${JSON.stringify(res.errors)}`);
  const token = res.data.inviteDeputy.activationPath.replace('/activate/', '');
  const activated = await t.graphql(
    'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { token } }',
    { input: { token, password: DEMO_PASSWORD } },
    { as: null },
  );
  if (!activated.data) throw new Error(`activating ${login} failed: ${JSON.stringify(activated.errors)}`);
}
