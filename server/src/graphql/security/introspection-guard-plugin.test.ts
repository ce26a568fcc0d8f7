import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { introspectionGuardPlugin } from './introspection-guard-plugin.js';

type Caller = Pick<RequestContext, 'identity'>;

const SIGNED_IN: Caller = {
  identity: { userId: 'u1', role: UserRole.ANALYST, countyId: 'c1', townshipId: null },
};
const ANONYMOUS: Caller = { identity: null };

describe('introspectionGuardPlugin', () => {
  const server = new ApolloServer<Caller>({
    schema: buildSchema('type Query { answer: Int }'),
    introspection: true,
    plugins: [introspectionGuardPlugin()],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function run(query: string, caller: Caller) {
    const response = await server.executeOperation({ query }, { contextValue: caller });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult };
  }

  it('lets a signed-in caller introspect', async () => {
    const { result } = await run('{ __schema { queryType { name } } }', SIGNED_IN);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses __schema and __type to an anonymous caller with 401', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const { status, result } = await run(query, ANONYMOUS);
      expect(status).toBe(401);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]?.message).toContain('available to signed-in users only');
    }
  });

  it('leaves ordinary anonymous queries alone', async () => {
    const { result } = await run('{ answer __typename }', ANONYMOUS);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ answer: null, __typename: 'Query' });
  });
});
