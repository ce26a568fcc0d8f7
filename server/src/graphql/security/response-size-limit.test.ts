import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema } from 'graphql';
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
