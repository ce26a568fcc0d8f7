import { CostBudget } from './cost-budget.js';

describe('CostBudget', () => {
  it('runs what fits, queues the rest in arrival order, and starts them as cost is given back', async () => {
    const budget = new CostBudget(100);
    const started: string[] = [];
    const releaseA = await budget.acquire(60);
    const b = budget.acquire(50).then((release) => (started.push('b'), release));
    const c = budget.acquire(10).then((release) => (started.push('c'), release));
    await Promise.resolve();
    // c would fit, but must not overtake b
    expect(started).toEqual([]);
    expect(budget.running).toBe(60);
    releaseA();
    const releaseB = await b;
    const releaseC = await c;
    expect(started).toEqual(['b', 'c']);
    expect(budget.running).toBe(60);
    releaseB();
    releaseB();
    releaseC();
    expect(budget.running).toBe(0);
  });

  it('lets an operation dearer than the whole budget run alone rather than wait forever', async () => {
    const budget = new CostBudget(100);
    const release = await budget.acquire(1_000);
    expect(budget.running).toBe(100);
    release();
    expect(budget.running).toBe(0);
  });
});
