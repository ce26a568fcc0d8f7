import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';
import { expectRefusal } from '../../test-support/expect-refusal.js';

const FIELDS = 'id name deputiesPerReception deputiesPerReceptionMin';
const CREATE = `mutation ($input: CreateStationInput!) { createStation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStationInput!) { updateStation(id: $id, input: $input) { ${FIELDS} } }`;

interface Row {
  id: string;
  deputiesPerReception: number | null;
  deputiesPerReceptionMin: number | null;
}

/** "每次安排1—3名人大代表接访": a station's reception staffed by a range of deputies. */
describe('a station’s range of deputies per reception', () => {
  let t: TestServer;
  const stationCount = (name: string) =>
    withDatabaseClient(t.database.url, async (su) =>
      Number((await su.query('select count(*) as n from station where name = $1', [name])).rows[0].n),
    );

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
  });
  afterAll(() => t.stop());

  it('keeps 群利镇’s 1—3 deputies from the report as a range', async () => {
    const res = await t.graphql<{ stations: { nodes: (Row & { name: string })[] } }>(
      `{ stations(first: 10) { nodes { name ${FIELDS} } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.stations.nodes.find((s) => s.name === '九龙坡片区人大代表联络站')).toMatchObject({
      deputiesPerReceptionMin: 1,
      deputiesPerReception: 3,
    });
  });

  it('stores a range, and refuses one whose fewest exceeds its most, writing nothing', async () => {
    const ok = await t.graphql<{ createStation: Row }>(CREATE, {
      input: { name: '范围联络站', deputiesPerReceptionMin: 2, deputiesPerReception: 4 },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createStation).toMatchObject({ deputiesPerReceptionMin: 2, deputiesPerReception: 4 });

    const inverted = await t.graphql(CREATE, {
      input: { name: '颠倒联络站', deputiesPerReceptionMin: 5, deputiesPerReception: 3 },
    });
    expectRefusal(inverted, 'BAD_USER_INPUT', ['input', 'deputiesPerReceptionMin']);
    expect(await stationCount('颠倒联络站')).toBe(0);

    const noMost = await t.graphql(CREATE, { input: { name: '无上限联络站', deputiesPerReceptionMin: 1 } });
    expectRefusal(noMost, 'BAD_USER_INPUT', ['input', 'deputiesPerReceptionMin']);
    expect(await stationCount('无上限联络站')).toBe(0);

    // An update is checked against what it keeps: lowering the most below the stored fewest is refused.
    const lowered = await t.graphql(UPDATE, { id: ok.data!.createStation.id, input: { deputiesPerReception: 1 } });
    expectRefusal(lowered, 'BAD_USER_INPUT', ['input', 'deputiesPerReceptionMin']);
    const kept = await withDatabaseClient(
      t.database.url,
      async (su) =>
        (await su.query('select deputies_per_reception as n from station where name = $1', ['范围联络站'])).rows[0].n,
    );
    expect(kept).toBe(4);
  });
});
