import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { readsOf } from '../../test-support/recorded-reads.js';

interface Catalog {
  metricDefinitions: { key: string; nameZh: string; unit: string; computation?: string }[];
}

describe('the metric catalog reads the columns its fields show', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('leaves the computations out of a picker’s read, with the same keys and names', async () => {
    const picker = await readsOf(t, 'metric_definition', () =>
      t.graphql<Catalog>('{ metricDefinitions { key nameZh unit } }'),
    );
    const described = await readsOf(t, 'metric_definition', () =>
      t.graphql<Catalog>('{ metricDefinitions { key nameZh unit computation } }'),
    );
    expect(picker.result.errors).toBeUndefined();
    expect(described.result.errors).toBeUndefined();
    expect(picker.reads).toHaveLength(1);
    expect(picker.reads[0]).not.toMatch(/"computation"/);
    expect(described.reads[0]).toMatch(/"computation"/);
    const rows = picker.result.data!.metricDefinitions;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(
      described.result.data!.metricDefinitions.map(({ key, nameZh, unit }) => ({ key, nameZh, unit })),
    );
    expect(described.result.data!.metricDefinitions.every((m) => typeof m.computation === 'string')).toBe(true);
  });
});
