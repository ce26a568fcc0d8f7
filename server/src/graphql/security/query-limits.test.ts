import { parse, validate } from 'graphql';
import { startTestServer, type RawResponse, type TestServer } from '../../test-support/test-server.js';
import { buildGraphQLSchema } from '../build-graphql-schema.js';
import { createArmorValidationRules } from './create-armor-validation-rules.js';
import { SECURITY_LIMITS } from './security-limits.js';
import { operationCost } from './operation-cost.js';

/** The dashboard's drill-down: 3 nested connections → participants → deputy, about 30 fields, depth 9. */
const DASHBOARD_NODES = `query Drilldown {
  townships(first: 10) {
    totalCount
    nodes {
      id name nameEn code
      deputies(first: 50) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id name level status gender party birthYear
          station { id name }
          group { id name }
          activities(first: 20) {
            totalCount
            nodes {
              id title type occurredOn place datePrecision provenance
              participants { id attendance deputy { id name level } }
            }
          }
        }
      }
    }
  }
}`;

/** The same drill-down through Relay edges: every connection adds a level, depth 12. */
const DASHBOARD_EDGES = `{
  townships(first: 10) {
    edges { cursor node {
      id name
      deputies(first: 50) {
        totalCount
        edges { cursor node {
          id name level
          activities(first: 20) {
            totalCount
            edges { node { id title type occurredOn participants { attendance deputy { id name } } } }
          }
        } }
      }
    } }
  }
}`;

/** An analyst's hand-written query: depth 8, a few aliases, three 200-row lists side by side. */
const ANALYST = `query Compare($townshipId: ID) {
  inspections: activities(first: 200, filter: { types: [INSPECTION], townshipId: $townshipId }) {
    totalCount
    nodes { id title occurredOn township { name county { name } } participants { attendance deputy { name station { name township { name county { name } } } } } }
  }
  completed: suggestions(first: 200, filter: { states: [COMPLETED] }) {
    totalCount
    nodes { title state outcomeClass proposers { name group { name } } session { name term { name } } }
  }
  countyDeputies: deputies(first: 200, filter: { level: COUNTY_OR_CITY }) {
    totalCount
    nodes { name activities(first: 20) { totalCount } suggestions(first: 20) { totalCount } }
  }
}`;

function nest(levels: number): string {
  // deputy → township → deputies → nodes → … walks a relation cycle as deep as asked
  let inner = 'name';
  for (let i = 0; i < levels; i += 1) inner = `township { deputies(first: 1) { nodes { ${inner} } } }`;
  return `{ deputies(first: 1) { nodes { ${inner} } } }`;
}

/** The attack: deputy → township → deputies, `levels` connections deep, every page `first: $n`. */
function cycle(levels: number, first: string): string {
  let inner = 'id name level';
  for (let i = 1; i < levels; i += 1) inner = `township { deputies(first: ${first}) { nodes { ${inner} } } }`;
  const declaration = first === '$n' ? '($n: Int!)' : '';
  return `query Attack${declaration} { deputies(first: ${first}) { nodes { ${inner} } } }`;
}

function errorOf(response: RawResponse) {
  expect(response.json?.errors).toHaveLength(1);
  return response.json!.errors![0]!;
}

describe('GraphQL hardening: query limits and transport rules', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  async function signedIn(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await t.token('demo.analyst')}` };
  }

  describe('realistic queries pass', () => {
    it.each([
      ['the dashboard drill-down (nodes)', DASHBOARD_NODES],
      ['the dashboard drill-down (edges)', DASHBOARD_EDGES],
      ["an analyst's aliased depth-8 query", ANALYST],
    ])('%s is within every limit of the real schema', async (_name, query) => {
      const schema = await buildGraphQLSchema();
      const document = parse(query, { maxTokens: SECURITY_LIMITS.maxTokens });
      expect(validate(schema, document, createArmorValidationRules())).toEqual([]);
      const cost = operationCost({ schema, document, variables: undefined, operationName: undefined });
      expect(cost).toBeLessThanOrEqual(SECURITY_LIMITS.maxCost / 2);
    });

    it.each([
      ['the dashboard drill-down (nodes)', DASHBOARD_NODES],
      ['the dashboard drill-down (edges)', DASHBOARD_EDGES],
      ["an analyst's aliased depth-8 query", ANALYST],
    ])('%s runs on the real server', async (_name, query) => {
      const response = await t.post({ query }, await signedIn());
      expect(response.status).toBe(200);
      expect(response.json?.errors).toBeUndefined();
      expect(Object.keys(response.json?.data ?? {}).length).toBeGreaterThan(0);
    });

    it('the drill-down returns real rows at every level', async () => {
      const response = await t.post({ query: DASHBOARD_NODES }, await signedIn());
      const data = response.json?.data as {
        townships: { nodes: { deputies: { nodes: { activities: { nodes: { participants: unknown[] }[] } }[] } }[] };
      };
      const deputies = data.townships.nodes.flatMap((township) => township.deputies.nodes);
      const activities = deputies.flatMap((deputy) => deputy.activities.nodes);
      expect(data.townships.nodes).toHaveLength(5);
      expect(deputies.length).toBeGreaterThan(100);
      expect(activities.some((activity) => activity.participants.length > 0)).toBe(true);
    });
  });

  it('refuses an over-deep query with a clear bilingual error', async () => {
    const response = await t.post({ query: nest(6) });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_DEEP',
      details: { limit: 'depth', max: SECURITY_LIMITS.maxDepth, found: 21 },
    });
    expect(error.extensions?.['messageZh']).toContain('查询嵌套深度 21 超过上限 12');
    expect(error.extensions?.['messageEn']).toContain('Query depth 21 exceeds the limit of 12');
    expect(response.json?.data).toBeUndefined();
  });

  it('lets a query exactly at the depth limit through', async () => {
    // deputies, nodes, three levels per cycle, the leaf: nest(3) is 12 deep
    const response = await t.post({ query: nest(3) }, await signedIn());
    expect(response.status).toBe(200);
    expect(response.json?.errors).toBeUndefined();
  });

  it('refuses an alias bomb', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `d${i}: deputies(first: 200) { totalCount }`).join(' ');
    const response = await t.post({ query: `{ ${fields} }` });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_MANY_ALIASES',
      details: { limit: 'aliases', max: SECURITY_LIMITS.maxAliases, found: 200 },
    });
    expect(error.message).toContain('别名数量 200 超过上限 15');
    expect(error.message).toContain('Number of aliases 200 exceeds the limit of 15');
  });

  it('refuses a directive flood', async () => {
    const fields = Array.from({ length: 30 }, () => '__typename @include(if: true)').join(' ');
    const response = await t.post({ query: `{ ${fields} }` });
    expect(response.status).toBe(400);
    expect(errorOf(response).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_MANY_DIRECTIVES',
      details: { limit: 'directives' },
    });
  });

  it('refuses three nested 200-row lists on cost, although they are only 9 deep', async () => {
    const query = `{ deputies(first: 200) { nodes { activities(first: 200) { nodes {
      participants { deputy { activities(first: 200) { nodes { id title } } } } } } } } }`;
    const response = await t.post({ query });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COSTLY',
      details: { limit: 'cost', max: 500_000 },
    });
    expect(error.extensions?.['messageEn']).toMatch(/^Query cost .* exceeds the limit of 500000; ask nested lists/);
  });

  it('refuses an oversized document while parsing it', async () => {
    const response = await t.post({ query: `{ ${'__typename '.repeat(SECURITY_LIMITS.maxTokens + 10)}}` });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect(error.message).toContain(`more that ${SECURITY_LIMITS.maxTokens} tokens`);
  });

  it('refuses a batched array of operations', async () => {
    const response = await t.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions?.['code']).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/batching disabled/i);
  });

  it('refuses a CSRF-style GET (no content-type, no preflight header)', async () => {
    const response = await t.get({ query: '{ __typename }' });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/Cross-Site Request Forgery \(CSRF\)/);
    expect(response.text).not.toContain('"data"');
    // the same GET with the header a browser cannot send cross-site without a preflight is served
    const preflighted = await t.get({ query: '{ __typename }' }, { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
    expect(preflighted.json?.data).toEqual({ __typename: 'Query' });
  });

  it.each([
    ['text/plain', JSON.stringify({ query: '{ __typename }' })],
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
  ])('refuses a CSRF-style simple POST (%s, as a cross-site form sends)', async (contentType, body) => {
    const response = await t.post(body, { 'content-type': contentType });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions?.['code']).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/Cross-Site Request Forgery \(CSRF\)/);
  });

  it('keeps introspection and "Did you mean" suggestions in development', async () => {
    const schema = await t.post({ query: '{ __schema { queryType { name } } }' });
    expect(schema.status).toBe(200);
    expect(schema.json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await t.post({ query: '{ townships { nodes { nam } } }' });
    expect(typo.status).toBe(400);
    expect(errorOf(typo).message).toContain('Did you mean "name"');
  });

  describe('cost counts variables and defaults, before anything runs', () => {
    async function costOf(query: string, variables: Record<string, unknown>) {
      const response = await t.post({ query, variables }, await signedIn());
      return { response, error: response.json?.errors?.[0] };
    }

    it('refuses `first: $n` exactly as the same query with literal `first`', async () => {
      const literal = await costOf(cycle(3, '100'), {});
      const variable = await costOf(cycle(3, '$n'), { n: 100 });
      for (const { response, error } of [literal, variable]) {
        expect(response.status).toBe(400);
        expect(response.json?.data).toBeUndefined();
        expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { limit: 'cost', max: 500_000 } });
      }
      expect(variable.error?.extensions?.['details']).toEqual(literal.error?.extensions?.['details']);
    });

    it('answers the same document when $n is small', async () => {
      const { response } = await costOf(cycle(2, '$n'), { n: 3 });
      expect(response.status).toBe(200);
      expect(response.json?.errors).toBeUndefined();
      const data = response.json?.data as { deputies: { nodes: { township: { deputies: { nodes: unknown[] } } }[] } };
      expect(data.deputies.nodes).toHaveLength(3);
      expect(data.deputies.nodes[0]?.township.deputies.nodes).toHaveLength(3);
    });

    it('counts an omitted `first` at its default of 20, not 1', async () => {
      const defaults = cycle(4, '20').replace(/\(first: 20\)/g, '');
      const { response, error } = await costOf(defaults, {});
      expect(response.status).toBe(400);
      // deputies × (nodes + id, name, level) = 7 × 20, then (deputies + township + nodes + that) × 20 per
      // level above: 1,170,520 (armor, counting an omitted `first` as 1, made it 67)
      expect(error?.extensions).toMatchObject({ details: { limit: 'cost', found: 1_170_520 } });
    });

    it('counts variables inside fragments and default values of variables', async () => {
      const query = `query ($n: Int = 100) { ...F }
        fragment F on Query { deputies(first: $n) { nodes { township { ...G } } } }
        fragment G on Township { deputies(first: $n) { nodes { township { deputies(first: $n) { nodes { id } } } } } }`;
      const { response, error } = await costOf(query, {});
      expect(response.status).toBe(400);
      expect(error?.extensions).toMatchObject({ details: { limit: 'cost' } });
    });

    it('prices the operation that runs, chosen by operationName', async () => {
      const query = `query Cheap { deputies(first: 2) { nodes { id } } }
        query Costly($n: Int!) { deputies(first: $n) { nodes { activities(first: $n) { nodes {
          participants { deputy { activities(first: $n) { nodes { id } } } } } } } } }`;
      const headers = await signedIn();
      const cheap = await t.post({ query, variables: { n: 200 }, operationName: 'Cheap' }, headers);
      expect(cheap.status).toBe(200);
      const costly = await t.post({ query, variables: { n: 200 }, operationName: 'Costly' }, headers);
      expect(costly.status).toBe(400);
      expect(errorOf(costly).extensions).toMatchObject({ details: { limit: 'cost' } });
    });

    it.each([
      ['a literal', '{ deputies(first: 201) { nodes { id } } }', {}],
      ['a variable', 'query ($n: Int!) { deputies(first: $n) { nodes { id } } }', { n: 201 }],
      ['a huge variable', 'query ($n: Int!) { deputies(first: $n) { nodes { id } } }', { n: 2_000_000_000 }],
    ])('refuses a page above 200 given as %s, on that argument', async (_name, query, variables) => {
      const response = await t.post({ query, variables }, await signedIn());
      expect(response.status).toBe(400);
      expect(errorOf(response).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['deputies', 'first'],
        details: { argument: 'first', max: 200 },
      });
      expect(errorOf(response).extensions?.['messageZh']).toContain('超过每页上限 200');
    });

    it('leaves variable coercion errors to GraphQL', async () => {
      const response = await t.post(
        { query: 'query ($n: Int!) { deputies(first: $n) { nodes { id } } }', variables: { n: 'many' } },
        await signedIn(),
      );
      expect(response.status).toBe(400);
      expect(errorOf(response).message).toContain('Variable "$n" got invalid value');
    });
  });
});
