import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { provisionRoles, roleUrl } from './provision-roles.js';
import { createOrm } from './create-orm.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { startReplicationPair, type ReplicationPair } from '../test-support/replication-pair.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import { CONSISTENCY_HEADER, LSN_HEADER, MIN_LSN_HEADER } from '../http/request-transaction-plugin.js';
import pg from 'pg';

interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('read replicas: writes on the primary, read-only operations on a streaming standby', () => {
  let pair: ReplicationPair;
  let server: RunningServer;
  const tokens = new Map<string, string>();

  const post = async (query: string, variables: Record<string, unknown>, as: string | null, headers = {}) => {
    const auth: Record<string, string> = as ? { authorization: `Bearer ${tokens.get(as)}` } : {};
    return fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: JSON.stringify({ query, variables }),
    });
  };
  const graphql = async <T>(query: string, variables: Record<string, unknown>, as: string | null, headers = {}) =>
    (await (await post(query, variables, as, headers)).json()) as GraphQLResult<T>;
  /** Pauses or resumes WAL replay on the standby: a replica that lags by as much as a test wants. */
  const standbyReplay = async (action: 'pause' | 'resume') => {
    const client = new pg.Client({ connectionString: pair.standbyUrl });
    await client.connect();
    try {
      await client.query(`select pg_wal_replay_${action}()`);
    } finally {
      await client.end();
    }
  };
  const counter = async (name: string) => {
    const text = await server.metrics.render();
    const line = text.split('\n').find((l) => l.startsWith(name));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  const transactions = (target: 'primary' | 'replica') => counter(`renda_db_transactions_total{target="${target}"}`);

  beforeAll(async () => {
    pair = await startReplicationPair();
    await provisionRoles(pair.primaryUrl, 'renda');
    server = await startServer(
      {
        ...loadAppConfig({}),
        port: 0,
        databaseUrl: roleUrl(pair.primaryUrl, 'renda', 'app'),
        migrationDatabaseUrl: roleUrl(pair.primaryUrl, 'renda', 'owner'),
        // Roles, schema, policies and seed data reach the standby the one way there is: the WAL stream.
        replicaUrls: [roleUrl(pair.standbyUrl, 'renda', 'app')],
        seedWhenEmpty: true,
        jwtSecret: TEST_JWT_SECRET,
      },
      createLogger(!process.env['RENDA_TEST_LOG']),
    );
    for (const login of ['qunli.clerk', 'simeng.clerk', 'demo.analyst']) {
      const result = await graphql<{ login: { token: string } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        { input: { login, password: DEMO_PASSWORD } },
        null,
      );
      tokens.set(login, result.data!.login.token);
    }
  });

  afterAll(async () => {
    await server?.stop();
    await pair?.stop();
  });

  it('connects to both over TLS, verifying their certificate (sslmode=verify-full from the URL)', async () => {
    const tls = 'select ssl from pg_stat_ssl where pid = pg_backend_pid()';
    const [primary] = await server.orm.em.fork().getConnection('write').execute<{ ssl: boolean }[]>(tls);
    const [replica] = await server.orm.em.fork().getConnection('read').execute<{ ssl: boolean }[]>(tls);
    expect([primary?.ssl, replica?.ssl]).toEqual([true, true]);
    // …and a certificate that the given CA did not sign is refused.
    const url = new URL(roleUrl(pair.primaryUrl, 'renda', 'app'));
    url.searchParams.set('sslrootcert', '/etc/ssl/certs/ca-certificates.crt');
    const stranger = await createOrm({ clientUrl: url.toString(), poolMax: 1 });
    try {
      await expect(stranger.em.fork().execute('select 1')).rejects.toThrow(/certificate/);
    } finally {
      await stranger.close();
    }
  });

  it('writes through the primary and reads the row back from the standby, under the same row-level security', async () => {
    const created = await graphql<{ createStation: { id: string; name: string } }>(
      'mutation ($input: CreateStationInput!) { createStation(input: $input) { id name } }',
      { input: { name: '副本测试联络站' } },
      'qunli.clerk',
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createStation.id;
    await pair.waitForReplay();

    const read = 'query StationOnReplica($id: ID!) { station(id: $id) { id name } }';
    const before = await transactions('replica');
    const mine = await graphql<{ station: { name: string } }>(read, { id }, 'qunli.clerk');
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.station.name).toBe('副本测试联络站');
    expect(await transactions('replica')).toBe(before + 1);

    // Another township's clerk does not see it on the replica either: the policies and the
    // per-transaction identity work there exactly as on the primary.
    const theirs = await graphql(read, { id }, 'simeng.clerk');
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Analysts switch to the PII-less role inside the replica's read-only transaction.
    const analyst = await graphql<{ deputies: { totalCount: number } }>(
      'query { deputies(first: 1) { totalCount } }',
      {},
      'demo.analyst',
    );
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data?.deputies.totalCount).toBeGreaterThan(0);
    // Anonymous callers see nothing there either.
    expect((await graphql(read, { id }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A caller that asks for its own writes at once reads the primary.
    const primaryBefore = await transactions('primary');
    const fresh = await graphql(read, { id }, 'qunli.clerk', { [CONSISTENCY_HEADER]: 'primary' });
    expect(fresh.errors).toBeUndefined();
    expect(await transactions('primary')).toBe(primaryBefore + 1);
  });

  it('reads its own write at once through the LSN the write answered with, from the primary while the replica lags', async () => {
    await standbyReplay('pause');
    try {
      const written = await post(
        'mutation ($input: CreateStationInput!) { createStation(input: $input) { id } }',
        { input: { name: '读己之写联络站' } },
        'qunli.clerk',
      );
      const lsn = written.headers.get(LSN_HEADER);
      expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const id = ((await written.json()) as GraphQLResult<{ createStation: { id: string } }>).data!.createStation.id;
      const read = 'query RywStation($id: ID!) { station(id: $id) { name } }';

      // Without the position the lagging replica answers, and does not have the row yet…
      const stale = await graphql(read, { id }, 'qunli.clerk');
      expect(stale.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // …with it, the primary answers, and the row is there.
      const primaryBefore = await transactions('primary');
      const fresh = await graphql<{ station: { name: string } }>(read, { id }, 'qunli.clerk', {
        [MIN_LSN_HEADER]: lsn,
      });
      expect(fresh.data?.station.name).toBe('读己之写联络站');
      expect(await transactions('primary')).toBe(primaryBefore + 1);
    } finally {
      await standbyReplay('resume');
    }
    // Once the replica has replayed the write, the same position lets it serve the read again.
    await pair.waitForReplay();
    const written = await post(
      'mutation ($input: CreateStationInput!) { createStation(input: $input) { id } }',
      { input: { name: '读己之写联络站二' } },
      'qunli.clerk',
    );
    const lsn = written.headers.get(LSN_HEADER)!;
    const id = ((await written.json()) as GraphQLResult<{ createStation: { id: string } }>).data!.createStation.id;
    await pair.waitForReplay();
    const replicaBefore = await transactions('replica');
    const served = await graphql<{ station: { name: string } }>(
      'query RywStation($id: ID!) { station(id: $id) { name } }',
      { id },
      'qunli.clerk',
      { [MIN_LSN_HEADER]: lsn },
    );
    expect(served.data?.station.name).toBe('读己之写联络站二');
    expect(await transactions('replica')).toBe(replicaBefore + 1);

    // A position that is not an LSN is refused with a code, never read as "no position".
    const bad = await graphql('query { me { login } }', {}, 'qunli.clerk', {
      [MIN_LSN_HEADER]: '0/16B3748; drop table x',
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MIN_LSN_INVALID' });
  });

  it('keeps answering read-only operations from the standby when the primary is gone, and refuses writes', async () => {
    await pair.stopPrimary();
    const stations = await graphql<{ stations: { nodes: { name: string }[] } }>(
      'query { stations(first: 200) { nodes { name } } }',
      {},
      'qunli.clerk',
    );
    expect(stations.errors).toBeUndefined();
    expect(stations.data?.stations.nodes.map((s) => s.name)).toContain('副本测试联络站');

    const write = await graphql(
      'mutation ($input: CreateStationInput!) { createStation(input: $input) { id } }',
      { input: { name: '主库已停' } },
      'qunli.clerk',
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await fetch(server.url.replace(/\/graphql$/, '/readyz'))).status).toBe(503);
  });
});
