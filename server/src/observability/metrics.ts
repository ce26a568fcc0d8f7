import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Pool } from 'pg';

/** Operation names come from clients: only identifier-like names become label values. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A client can invent names without end; past this many distinct ones the rest count as `other`. */
const MAX_OPERATION_NAMES = 300;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The server's Prometheus metrics, in a registry of its own (tests start several servers in one
 * process). Names carry the `renda_` prefix; process and Node.js runtime metrics come along.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly pools = new Map<string, Pool>();
  private readonly operationDuration: Histogram<'operation' | 'type'>;
  private readonly graphqlErrors: Counter<'code'>;
  private readonly transactions: Counter<'target'>;
  private readonly replicaFallbacks: Counter;
  private readonly replicaLagFallbacks: Counter;
  private readonly resultCache: Counter<'outcome'>;
  private readonly fastPath: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'renda_' });
    this.operationDuration = new Histogram({
      name: 'renda_graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.graphqlErrors = new Counter({
      name: 'renda_graphql_errors_total',
      help: 'Errors returned to GraphQL clients, by extensions.code',
      labelNames: ['code'],
      registers: [this.registry],
    });
    this.transactions = new Counter({
      name: 'renda_db_transactions_total',
      help: 'Request transactions opened, by the node they ran on (primary or replica)',
      labelNames: ['target'],
      registers: [this.registry],
    });
    this.replicaFallbacks = new Counter({
      name: 'renda_db_replica_fallbacks_total',
      help: 'Read-only transactions that went to the primary because no replica could open one',
      registers: [this.registry],
    });
    this.replicaLagFallbacks = new Counter({
      name: 'renda_db_replica_lag_fallbacks_total',
      help: "Read-only transactions that went to the primary because the replica had not replayed the caller's last write",
      registers: [this.registry],
    });
    this.resultCache = new Counter({
      name: 'renda_result_cache_lookups_total',
      help: 'Query results looked up in the result cache: hit, miss, or not_modified (a GET answered 304)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.fastPath = new Counter({
      name: 'renda_http_graphql_fast_path_requests_total',
      help: 'POST /graphql requests answered without Express (http/graphql-fast-path.ts)',
      registers: [this.registry],
    });
    const pools = this.pools;
    new Gauge({
      name: 'renda_db_pool_connections',
      help: 'Connections of each database pool, by state: busy (checked out) or idle',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, pool] of pools) {
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'busy' }, pool.totalCount - pool.idleCount);
        }
      },
    });
    new Gauge({
      name: 'renda_db_pool_waiting_requests',
      help: 'Queries waiting for a free connection, by pool (a pool that is too small shows here first)',
      labelNames: ['pool'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, pool] of pools) this.set({ pool: name }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'renda_db_pool_max_connections',
      help: 'Configured size of each database pool',
      labelNames: ['pool'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, pool] of pools) this.set({ pool: name }, pool.options.max ?? 10);
      },
    });
  }

  /** Reports a pool's use under `name` (`primary`, `replica-0`, …) from now on. */
  trackPool(name: string, pool: Pool): void {
    this.pools.set(name, pool);
  }

  observeOperation(operationName: string | undefined, type: string, seconds: number): void {
    this.operationDuration.observe({ operation: this.operationLabel(operationName), type }, seconds);
  }

  countError(code: unknown): void {
    this.graphqlErrors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN' });
  }

  countTransaction(target: 'primary' | 'replica'): void {
    this.transactions.inc({ target });
  }

  countReplicaFallback(): void {
    this.replicaFallbacks.inc();
  }

  /** A read sent to the primary because the replica had not replayed the caller's last write. */
  countReplicaLagFallback(): void {
    this.replicaLagFallbacks.inc();
  }

  countResultCache(outcome: 'hit' | 'miss' | 'not_modified'): void {
    this.resultCache.inc({ outcome });
  }

  countFastPathRequest(): void {
    this.fastPath.inc();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
