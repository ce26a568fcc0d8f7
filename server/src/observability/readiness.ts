export interface ReadinessResult {
  ready: boolean;
  /** Why not, for the probe's response body and the log. */
  reason?: string;
}

/**
 * Whether this instance should receive traffic: not once shutdown has begun, and only while the
 * primary database answers. Liveness never asks this (a database outage must not restart every pod).
 */
export class Readiness {
  private stopping = false;

  constructor(
    private readonly checkDatabase: () => Promise<void>,
    private readonly timeoutMs = 2000,
  ) {}

  /** From now on the instance reports not ready, so load balancers stop sending it new requests. */
  startShutdown(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }

  async probe(): Promise<ReadinessResult> {
    if (this.stopping) return { ready: false, reason: 'shutting down' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    const check = this.checkDatabase();
    // A check that loses the race still settles later; its rejection must not go unhandled.
    check.catch(() => undefined);
    try {
      await Promise.race([check, timeout]);
      // Shutdown may have begun while the check ran.
      return this.stopping ? { ready: false, reason: 'shutting down' } : { ready: true };
    } catch (error) {
      return { ready: false, reason: `database: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
