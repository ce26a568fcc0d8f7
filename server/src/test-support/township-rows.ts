import { withDatabaseClient } from './test-cluster.js';

/** One row of each kind a clerk's mutations refer to, in one township (read as superuser). */
export interface TownshipRows {
  townshipId: string;
  countyId: string;
  termId: string;
  sessionId: string;
  groupId: string;
  stationId: string;
  /** An ACTIVE deputy. */
  deputyId: string;
  activityId: string;
  voterContactId: string;
}

export async function townshipRows(url: string, code: string): Promise<TownshipRows> {
  return withDatabaseClient(url, async (client) => {
    const township = (
      await client.query<{ id: string; county_id: string }>('select id, county_id from township where code = $1', [
        code,
      ])
    ).rows[0];
    if (!township) throw new Error(`no township ${code}`);
    const first = async (table: string, where = 'true'): Promise<string> => {
      const row = (
        await client.query<{ id: string }>(
          `select id from "${table}" where township_id = $1 and ${where} order by id limit 1`,
          [township.id],
        )
      ).rows[0];
      if (!row) throw new Error(`no ${table} in ${code}`);
      return row.id;
    };
    return {
      townshipId: township.id,
      countyId: township.county_id,
      termId: await first('term'),
      sessionId: await first('congress_session'),
      groupId: await first('deputy_group', 'retired_on is null'),
      stationId: await first('station', 'retired_on is null'),
      deputyId: await first('deputy', `status = 'ACTIVE'`),
      activityId: await first('activity'),
      voterContactId: await first('voter_contact'),
    };
  });
}
