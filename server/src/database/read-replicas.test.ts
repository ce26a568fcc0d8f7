import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { provisionRoles, roleUrl } from './provision-roles.js';
import { createOrm } from './create-orm.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { startReplicationPair, type ReplicationPair } from '../test-support/replication-pair.js';
import { TEST_JWT_SECRET } from '../test-support/test-server.js';
import { DEMO_PASSWORD } from '../seed/seed-demo-users.js';
import { CONSISTENCY_HEADER } from '../http/request-transaction-plugin.js';

interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('read replicas: writes on the primary, read-only operations on a streaming standby', () => {
  let pair: ReplicationPair;
  let server: RunningServer;
  const tokens = new Map<string, string>();

  const graphql = async <T>(query: string, variables: Record<string, unknown>, as: string | null, headers = {}) => {
    const auth: Record<string, string> = as ? { authorization: `Bearer ${tokens.get(as)}` } : {};
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
  const transactions = async (target: 'primary' | 'replica') => {
    const text = await server.metrics.render();
    const line = text.split('\n').find((l) => l.startsWith(`renda_db_transactions_total{target="${target}"}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

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
