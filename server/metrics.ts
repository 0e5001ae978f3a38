import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process. One registry per app (not prom-client's global one), so tests can
 * build several apps in one process; other parts add their own metrics to `registry`.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Sign-ins by result: ok, failed, locked. */
  logins: Counter<'result'>;
  /** What happened to applications: created, submitted, returned, dispatched, resubmitted. */
  applicationEvents: Counter<'event'>;
  /** OCR of uploaded documents, by outcome, in seconds (queueing included). */
  ocrSeconds: Histogram<'outcome'>;
  middleware: (req: Request, res: Response, next: NextFunction) => void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yijian_' });
  const httpDuration = new Histogram({
    name: 'yijian_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern (never the raw URL), method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const logins = new Counter({
    name: 'yijian_logins_total',
    help: 'Sign-in attempts by result (ok, failed, locked)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const applicationEvents = new Counter({
    name: 'yijian_application_events_total',
    help: 'Applications created, submitted, returned, dispatched (one key) and resubmitted',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  const ocrSeconds = new Histogram({
    name: 'yijian_ocr_seconds',
    help: 'Time from upload to OCR result, by outcome (done, failed)',
    labelNames: ['outcome'] as const,
    buckets: [0.25, 0.5, 1, 2, 4, 8, 16, 32],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      // The route pattern (`/my/applications/:id`), so the label set stays small and holds no ids.
      const pattern = req.route?.path;
      const route =
        typeof pattern === 'string' ? pattern : req.path.startsWith('/static/') ? '/static' : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, httpDuration, logins, applicationEvents, ocrSeconds, middleware };
}
