import { getIntrospectionQuery } from 'graphql';
import { startTestServer, type RawResponse, type TestServer } from '../../test-support/test-server.js';

function errorOf(response: RawResponse) {
  expect(response.json?.errors).toHaveLength(1);
  return response.json!.errors![0]!;
}

describe('GraphQL hardening in production mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ production: true });
  });
  afterAll(() => t.stop());

  it.each([
    ['the full introspection query', getIntrospectionQuery()],
    ['__type', '{ __type(name: "Deputy") { fields { name } } }'],
    ['__schema behind an alias', '{ s: __schema { queryType { name } } }'],
    ['__schema inside a fragment', 'query { ...F } fragment F on Query { __schema { types { name } } }'],
  ])('refuses %s to an anonymous caller', async (_name, query) => {
    const response = await t.post({ query });
    expect(response.status).toBe(401);
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageZh: '内省查询（__schema / __type）仅向已登录用户开放',
      messageEn: 'Introspection (__schema / __type) is available to signed-in users only',
    });
    expect(response.json?.data).toBeUndefined();
  });

  it('lets a signed-in caller introspect', async () => {
    const authorization = `Bearer ${await t.token('demo.analyst')}`;
    const response = await t.post({ query: getIntrospectionQuery() }, { authorization });
    expect(response.status).toBe(200);
    expect(response.json?.errors).toBeUndefined();
    expect((response.json?.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe(
      'Query',
    );
  });

  it('still answers __typename', async () => {
    const response = await t.post({ query: '{ __typename }' });
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ __typename: 'Query' });
  });

  it('strips "Did you mean" from validation errors', async () => {
    const response = await t.post({ query: '{ townships { nodes { nam } } }' });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toBe('Cannot query field "nam" on type "Township".');
    expect(response.text).not.toMatch(/did you mean/i);
  });

  it('strips "Did you mean" from variable errors', async () => {
    const response = await t.post({
      query: 'query ($f: ActivityFilter) { activities(filter: $f) { totalCount } }',
      variables: { f: { types: ['STUDYY'] } },
    });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Value "STUDYY" does not exist in "ActivityType" enum.');
    expect(response.text).not.toMatch(/did you mean/i);
  });

  it('sends no stack traces and keeps the query limits', async () => {
    let inner = 'name';
    for (let i = 0; i < 4; i += 1) inner = `township { deputies(first: 1) { nodes { ${inner} } } }`;
    const response = await t.post({ query: `{ deputies(first: 1) { nodes { ${inner} } } }` });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { limit: 'depth' } });
    expect(error.extensions?.['stacktrace']).toBeUndefined();
    expect(response.text).not.toMatch(/\bat .*\.js:\d+/);
  });
});
