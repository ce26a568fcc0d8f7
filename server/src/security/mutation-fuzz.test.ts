import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { isLeafType, getNamedType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildGraphQLSchema } from '../graphql/build-graphql-schema.js';
import { startTestServer, type RawResponse, type TestServer } from '../test-support/test-server.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { addSecondCounty } from '../test-support/add-second-county.js';
import { argumentsGenerator, leafPaths, type IdPools } from '../test-support/hostile-inputs.js';

/** Calls per mutation and phase: 31 mutations × (60 + 40) ≈ 3,100 calls. */
const TOWNSHIP_RUNS = 60;
const COUNTY_RUNS = 40;
/** A phase takes one to two minutes on two busy cores; the limit only stops a hung run. */
const PHASE_TIMEOUT_MS = 600_000;
/** Codes a refusal may carry; INTERNAL_SERVER_ERROR is never one of them. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);
const TOWNSHIP_TABLES = [
  'term',
  'congress_session',
  'deputy_group',
  'station',
  'deputy',
  'activity',
  'voter_contact',
  'suggestion',
  'election',
  'quarterly_report',
];

/** The table a mutation's `id` argument names. */
const ID_TABLE_OF_MUTATION: [RegExp, string][] = [
  [/DeputyGroup/, 'deputy_group'],
  [/Deputy/, 'deputy'],
  [/Station/, 'station'],
  [/Activity/, 'activity'],
  [/VoterContact/, 'voter_contact'],
  [/Suggestion/, 'suggestion'],
  [/QuarterlyReport/, 'quarterly_report'],
  [/User/, 'app_user'],
  [/SavedQuery/, 'saved_query'],
];

type Field = GraphQLField<unknown, unknown>;

interface Anomaly {
  mutation: string;
  as: string | null;
  status: number;
  code: unknown;
  message: string;
  variables: string;
}

/** The operation for one mutation: every argument as a variable, `__typename` (or the scalar) back. */
function operationFor(field: Field): string {
  const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${definitions ? ` (${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** A stable number per mutation name (FNV-1a), so each mutation keeps its samples whatever else is added. */
function nameSeed(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 1_000_000;
}

/** One fingerprint per table of the rows a phase's callers must not touch (read as superuser). */
async function fingerprint(
  url: string,
  tables: readonly string[],
  where: string,
  param: string,
): Promise<Map<string, string>> {
  return withDatabaseClient(url, async (su) => {
    const prints = new Map<string, string>();
    for (const table of tables) {
      const { rows } = await su.query<{ n: string; h: string }>(
        `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
           from "${table}" t where ${where}`,
        [param],
      );
      prints.set(table, `${rows[0]!.n}:${rows[0]!.h}`);
    }
    const whole = await su.query<{ h: string }>(
      `select md5((select string_agg(c::text, '|' order by c::text) from county c) ||
                  (select string_agg(t::text, '|' order by t::text) from township t)) as h`,
    );
    prints.set('county+township', whole.rows[0]!.h);
    return prints;
  });
}

describe('mutation fuzz (issue 13)', () => {
  let t: TestServer;
  let schema: GraphQLSchema;
  let mutations: Field[];
  let qunli: { id: string; countyId: string };
  let tablesWithTownship: string[];
  let tablesWithCounty: string[];
  const hostileSeen = new Map<string, Set<string>>();
  const tally = { calls: 0, accepted: 0, refused: 0, refusedBeforeGraphQL: 0, hostileCalls: 0 };
  const anomalies: Anomaly[] = [];

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    await addSecondCounty(t.database.ownerUrl);
    schema = await buildGraphQLSchema();
    // signOut takes no input and ends every session of its caller: fuzzing it would sign the callers out
    // of the rest of the run (security/session-revocation.test.ts covers it).
    mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.name !== 'signOut');
    const facts = await withDatabaseClient(t.database.url, async (su) => ({
      qunli: (
        await su.query<{ id: string; county_id: string }>(`select id, county_id from township where code = 'QUNLI'`)
      ).rows[0]!,
      township: (
        await su.query<{ table_name: string }>(
          `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'township_id' order by 1`,
        )
      ).rows.map((r) => r.table_name),
      county: (
        await su.query<{ table_name: string }>(
          `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'county_id' order by 1`,
        )
      ).rows.map((r) => r.table_name),
    }));
    qunli = { id: facts.qunli.id, countyId: facts.qunli.county_id };
    tablesWithTownship = facts.township;
    tablesWithCounty = facts.county;
    // every token up front: fuzzed logins may trip the login limit for these accounts afterwards
    for (const login of ['qunli.clerk', 'qunli.viewer', 'demo.admin', 'demo.staff', 'demo.analyst'])
      await t.token(login);
  });
  afterAll(() => t.stop());

  /** Up to three ids per table of the rows matching `where`. */
  const idsWhere = (where: string, param: string, tables: readonly string[] = TOWNSHIP_TABLES) =>
    withDatabaseClient(t.database.url, async (su) => {
      const ids: Record<string, string[]> = {};
      for (const table of tables) {
        const { rows } = await su.query<{ id: string }>(
          `select id from "${table}" where ${where} order by id limit 3`,
          [param],
        );
        ids[table] = rows.map((r) => r.id);
      }
      return ids;
    });

  async function send(field: Field, variables: Record<string, unknown>, as: string | null): Promise<RawResponse> {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await t.token(as)}` } : {};
    return t.post({ query: operationFor(field), variables }, headers);
  }

  async function fuzz(runs: number, ids: IdPools, callers: fc.Arbitrary<string | null>, seed: number): Promise<void> {
    for (const field of mutations) {
      const idTable = ID_TABLE_OF_MUTATION.find(([pattern]) => pattern.test(field.name))?.[1];
      const calls = fc.sample(fc.tuple(argumentsGenerator(field.args, { ...ids, idTable }), callers), {
        numRuns: runs,
        // From the name, not the position: a mutation added to the schema leaves the others' samples alone.
        seed: seed + nameSeed(field.name),
      });
      for (const [generated, caller] of calls) {
        const as = field.name === 'login' ? null : caller;
        const variables = generated.value as Record<string, unknown>;
        const res = await send(field, variables, as);
        tally.calls++;
        if (generated.hostile.length > 0) tally.hostileCalls++;
        const seen = hostileSeen.get(field.name) ?? new Set<string>();
        generated.hostile.forEach((path) => seen.add(path));
        hostileSeen.set(field.name, seen);

        const errors = res.json?.errors ?? [];
        const internal = errors.find((e) => !CLIENT_CODES.has(String(e.extensions?.['code'])));
        if (res.status >= 500 || internal) {
          anomalies.push({
            mutation: field.name,
            as,
            status: res.status,
            code: internal?.extensions?.['code'],
            message: internal?.message ?? res.text.slice(0, 200),
            variables: JSON.stringify(variables).slice(0, 400),
          });
        } else if (res.json === null) tally.refusedBeforeGraphQL++;
        else if (errors.length === 0) tally.accepted++;
        else tally.refused++;
      }
    }
  }

  it(
    'sends hostile input from a township clerk: no internal error, no 5xx, no other township touched',
    async () => {
      const ids = {
        own: { ...(await idsWhere('township_id = $1', qunli.id)), township: [qunli.id], county: [qunli.countyId] },
        foreign: Object.values(await idsWhere('township_id <> $1', qunli.id)).flat(),
      };
      const otherTownships = (url: string) =>
        fingerprint(url, tablesWithTownship, 'township_id is distinct from $1', qunli.id);
      const before = await otherTownships(t.database.url);
      const callers = fc.oneof(
        { weight: 5, arbitrary: fc.constant('qunli.clerk') },
        { weight: 1, arbitrary: fc.constant('qunli.viewer') },
      );
      await fuzz(TOWNSHIP_RUNS, ids, callers, 20261206);
      expect(await otherTownships(t.database.url)).toEqual(before);
      expect(anomalies).toEqual([]);
    },
    PHASE_TIMEOUT_MS,
  );

  it(
    'sends hostile input from county roles: no internal error, no 5xx, no other county touched',
    async () => {
      // users and saved queries of the fuzz's own, so that the demo accounts keep working
      const target = await t.graphql<{ createUser: { id: string } }>(
        `mutation { createUser(input: { login: "fuzz.target", displayName: "靶子", password: "a-long-password", role: COUNTY_STAFF }) { id } }`,
        {},
        { as: 'demo.admin' },
      );
      const saved = await t.graphql<{ saveQuery: { id: string } }>(
        `mutation { saveQuery(input: { name: "模糊测试", query: "{ townships(first: 5) { nodes { name } } }" }) { id } }`,
        {},
        { as: 'demo.analyst' },
      );
      expect([target.errors, saved.errors]).toEqual([undefined, undefined]);
      const ids = {
        own: {
          ...(await idsWhere('county_id = $1', qunli.countyId, [...TOWNSHIP_TABLES, 'township'])),
          county: [qunli.countyId],
          app_user: [target.data!.createUser.id],
          saved_query: [saved.data!.saveQuery.id],
        },
        foreign: Object.values(
          await idsWhere('county_id <> $1', qunli.countyId, [...TOWNSHIP_TABLES, 'township', 'app_user']),
        ).flat(),
      };
      const otherCounties = (url: string) =>
        fingerprint(url, tablesWithCounty, 'county_id is distinct from $1', qunli.countyId);
      const before = await otherCounties(t.database.url);
      await fuzz(COUNTY_RUNS, ids, fc.constantFrom('demo.admin', 'demo.staff', 'demo.analyst'), 20261207);
      expect(await otherCounties(t.database.url)).toEqual(before);
      expect(anomalies).toEqual([]);
    },
    PHASE_TIMEOUT_MS,
  );

  it('reached every input field of every mutation with hostile values, and wrote through many calls', () => {
    const missed = mutations.flatMap((field) =>
      field.args
        .flatMap((arg) => leafPaths(arg.type, arg.name))
        .filter((path) => !hostileSeen.get(field.name)?.has(path))
        .map((path) => `${field.name}: ${path}`),
    );
    // RENDA_FUZZ_SUMMARY=<file> keeps the tallies of a run
    const summaryFile = process.env['RENDA_FUZZ_SUMMARY'];
    if (summaryFile)
      writeFileSync(summaryFile, JSON.stringify({ ...tally, mutations: mutations.length, missed, anomalies }, null, 2));
    expect(missed).toEqual([]);
    expect(tally.calls).toBeGreaterThanOrEqual(3000);
    expect(tally.accepted).toBeGreaterThan(100);
  });
});
