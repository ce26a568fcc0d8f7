import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { jest } from '@jest/globals';
import { responseSizeLimit } from './response-size-limit.js';

const schema = buildSchema('type Query { text(length: Int!): String } type Mutation { write(length: Int!): String }');
const rootValue = {
  text: ({ length }: { length: number }) => '汉'.repeat(length),
  write: ({ length }: { length: number }) => 'x'.repeat(length),
};

describe('responseSizeLimit', () => {
  const limit = responseSizeLimit(1_000);
  const server = new ApolloServer({
    schema,
    rootValue,
    plugins: [limit.plugin],
    stringifyResult: limit.stringifyResult,
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function post(query: string) {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query },
      },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: response.status ?? 200, body: JSON.parse(response.body.string) as Record<string, unknown> };
  }

  it('sends a response within the limit as Apollo would', async () => {
    const { status, body } = await post('{ text(length: 300) }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { text: '汉'.repeat(300) } });
  });

  it('refuses a response over the limit, counted in UTF-8 bytes, with a coded error and no data', async () => {
    // 400 characters are 1,200 bytes in UTF-8
    const { status, body } = await post('{ text(length: 400) }');
    expect(status).toBe(400);
    expect(body['data']).toBeUndefined();
    expect(body['errors']).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { limit: 'responseSize', max: 1_000, found: expect.any(Number) as number },
        }) as object,
      }),
    ]);
  });

  it('leaves a mutation result alone: the write has happened', async () => {
    const { status, body } = await post('mutation { write(length: 2000) }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { write: 'x'.repeat(2000) } });
  });
});

describe('responseSizeLimit with answers shared between responses (the result cache)', () => {
  // one data object handed to every response, as the result cache does on a hit
  const shared = { text: '共享' };
  let withError = false;
  const limit = responseSizeLimit(1_000);
  const server = new ApolloServer({
    schema,
    rootValue,
    plugins: [
      {
        async requestDidStart() {
          return {
            async responseForOperation() {
              return {
                http: { headers: new HeaderMap() },
                body: {
                  kind: 'single',
                  singleResult: { data: shared, ...(withError ? { errors: [new GraphQLError('partial')] } : {}) },
                },
              };
            },
          };
        },
      },
      limit.plugin,
    ],
    stringifyResult: limit.stringifyResult,
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function post(): Promise<unknown> {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query: '{ text(length: 1) }' },
      },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    return JSON.parse(response.body.string);
  }

  it('serialises a shared answer once, and never sends its text beside errors it was not measured with', async () => {
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const serialisedShared = () =>
        stringify.mock.calls.filter(([value]) => (value as { data?: unknown })?.data === shared);
      for (let i = 0; i < 3; i++) expect(await post()).toEqual({ data: shared });
      expect(serialisedShared()).toHaveLength(1);
      withError = true;
      expect(await post()).toEqual({ data: shared, errors: [expect.objectContaining({ message: 'partial' })] });
      expect(serialisedShared()).toHaveLength(2);
    } finally {
      stringify.mockRestore();
      withError = false;
    }
  });
});
