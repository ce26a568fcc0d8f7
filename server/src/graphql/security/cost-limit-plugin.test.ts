import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { costLimitPlugin } from './cost-limit-plugin.js';
import { CostBudget } from './cost-budget.js';

const schema = buildSchema(`
  type Query { items(first: Int = 20): ItemList }
  type ItemList { nodes: [Item!]! }
  type Item { id: ID! }
`);

/** Resolvers that record how many run at once, and take a moment each. */
function rootValue(tracker: { running: number; peak: number }) {
  return {
    items: async ({ first }: { first: number }) => {
      tracker.running += 1;
      tracker.peak = Math.max(tracker.peak, tracker.running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      tracker.running -= 1;
      return { nodes: Array.from({ length: first }, (_, i) => ({ id: String(i) })) };
    },
  };
}

/** Refuses operations named Refused while the cost plugin may still be waiting for its turn. */
const refuseNamed: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        if (operationName === 'Refused') throw new GraphQLError('refused', { extensions: { http: { status: 403 } } });
      },
    };
  },
};

async function run(server: ApolloServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('costLimitPlugin', () => {
  // { items(first: 20) { nodes { id } } } costs (2 + 2 + 1) × 20 = 100
  const ONE = 'query One { items { nodes { id } } }';

  it('runs operations whose costs do not fit together one after the other, and gives all cost back', async () => {
    const tracker = { running: 0, peak: 0 };
    const budget = new CostBudget(150);
    const server = new ApolloServer({ schema, rootValue: rootValue(tracker), plugins: [costLimitPlugin(budget)] });
    await server.start();
    const results = await Promise.all(Array.from({ length: 4 }, () => run(server, ONE)));
    await server.stop();
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    expect(tracker.peak).toBe(1);
    expect(budget.running).toBe(0);
  });

  it('remembers verdicts per document and variables: a cheap verdict never answers a ruinous page', async () => {
    const tracker = { running: 0, peak: 0 };
    const budget = new CostBudget(1_000_000);
    const server = new ApolloServer({ schema, rootValue: rootValue(tracker), plugins: [costLimitPlugin(budget)] });
    await server.start();
    const MANY = 'query Many($n: Int) { items(first: $n) { nodes { id } } }';
    const THREE = { items: { nodes: [{ id: '0' }, { id: '1' }, { id: '2' }] } };
    const REFUSED = /first of items is 100000, above the page limit/;
    // One after the other first, so that Apollo parses the document once and hands it back from its
    // store: the verdict for n = 3 is then remembered when n = 100000 arrives with the same document.
    expect((await run(server, MANY, { n: 3 })).data).toEqual(THREE);
    expect((await run(server, MANY, { n: 3 })).data).toEqual(THREE);
    expect((await run(server, MANY, { n: 100_000 })).errors?.[0]?.message).toMatch(REFUSED);
    // Then both at once, alternating.
    const sizes = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 3 : 100_000));
    const results = await Promise.all(sizes.map((n) => run(server, MANY, { n })));
    await server.stop();
    results.forEach((result, i) => {
      if (sizes[i] === 3) expect(result.data).toEqual(THREE);
      else expect(result.errors?.[0]?.message).toMatch(REFUSED);
    });
    expect(budget.running).toBe(0);
  });

  it('gives the cost back when another plugin refuses the operation while it waits', async () => {
    const tracker = { running: 0, peak: 0 };
    const budget = new CostBudget(100);
    const server = new ApolloServer({
      schema,
      rootValue: rootValue(tracker),
      plugins: [costLimitPlugin(budget), refuseNamed],
    });
    await server.start();
    const refused = 'query Refused { items { nodes { id } } }';
    const results = await Promise.all([run(server, ONE), run(server, refused), run(server, refused), run(server, ONE)]);
    await new Promise((resolve) => setImmediate(resolve));
    await server.stop();
    expect(results.map((result) => result.errors?.[0]?.message ?? 'ok')).toEqual(['ok', 'refused', 'refused', 'ok']);
    expect(budget.running).toBe(0);
  });

  it('counts `first` from variables and defaults alike', async () => {
    const server = new ApolloServer({
      schema,
      rootValue: rootValue({ running: 0, peak: 0 }),
      plugins: [costLimitPlugin(new CostBudget(1_000_000))],
    });
    await server.start();
    const byVariable = await run(server, 'query ($n: Int) { items(first: $n) { nodes { id } } }', { n: 201 });
    const byDefault = await run(server, ONE);
    await server.stop();
    expect(byVariable.errors?.[0]?.message).toContain('above the page limit of 200');
    expect(byDefault.errors).toBeUndefined();
  });
});
