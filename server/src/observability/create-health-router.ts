import { Router } from 'express';
import type { Metrics } from './metrics.js';
import type { Readiness } from './readiness.js';

export interface HealthRouterOptions {
  readiness: Readiness;
  /** Serve /metrics here too (unless a separate metrics port is configured). */
  metrics: Metrics | null;
}

/**
 * Probes and metrics, answered before any GraphQL machinery:
 * - /livez: the process serves HTTP. Never touches the database, so an outage does not restart pods.
 * - /readyz: 200 while the primary answers and no shutdown has begun, else 503 (with the reason).
 * - /metrics: Prometheus text format.
 */
export function createHealthRouter(options: HealthRouterOptions): Router {
  const router = Router();
  router.get('/livez', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const result = await options.readiness.probe();
    res
      .status(result.ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(result.ready ? { status: 'ready' } : { status: 'not ready', reason: result.reason });
  });
  const metrics = options.metrics;
  if (metrics) {
    router.get('/metrics', async (_req, res) => {
      res.set('content-type', metrics.contentType).send(await metrics.render());
    });
  }
  return router;
}
