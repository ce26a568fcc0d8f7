/**
 * A weighted semaphore over query cost: operations run while the cost of all running operations stays
 * within `capacity`; the others wait their turn, first come first served. Memory follows the values
 * being built, and cost is an upper bound on them, so this bounds what concurrent heavy queries hold
 * at once, where the per-query limit alone bounds only one of them.
 */
export class CostBudget {
  private inFlight = 0;
  private readonly waiting: { cost: number; start: () => void }[] = [];

  constructor(readonly capacity: number) {}

  /** Waits until `cost` fits, then holds it; the returned function gives it back (once). */
  async acquire(cost: number): Promise<() => void> {
    const held = Math.min(Math.max(cost, 0), this.capacity);
    if (this.waiting.length === 0 && this.inFlight + held <= this.capacity) {
      this.inFlight += held;
    } else {
      await new Promise<void>((resolve) => this.waiting.push({ cost: held, start: resolve }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= held;
      this.startWaiting();
    };
  }

  get running(): number {
    return this.inFlight;
  }

  private startWaiting(): void {
    // strictly in arrival order: a cheap query never overtakes a waiting expensive one indefinitely
    while (this.waiting.length > 0 && this.inFlight + this.waiting[0]!.cost <= this.capacity) {
      const next = this.waiting.shift()!;
      this.inFlight += next.cost;
      next.start();
    }
  }
}
