import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { adminTokenAuth } from './auth/admin-token.ts';
import { csrfProtection } from './auth/csrf.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { HttpError, notFound } from './http/errors.ts';
import { mountRoutes } from './http/routes.ts';
import { findIllFormedText, isWellFormedText } from './http/validate.ts';
import { staticFiles } from './pages/system.routes.ts';
import { buildRoutes } from './routes.ts';
import { type AppDeps, createServices, type Services } from './services.ts';

export type { AppDeps } from './services.ts';

export const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

/**
 * The web application: pages for applicants, clerks and admins, the JSON API under /api, live updates at
 * /events, /metrics and the foundation's /healthz. Every route is declared in `routes.ts`.
 */
export function createApp(deps: AppDeps): Express {
  return createAppWithServices(createServices(deps)).app;
}

export function createAppWithServices(services: Services): { app: Express; services: Services } {
  const app = express();
  app.disable('x-powered-by');
  // Off unless TRUST_PROXY names the proxy: a client must not choose the address it is limited by.
  const { trustProxy } = services.options;
  app.set('trust proxy', Array.isArray(trustProxy) ? [...trustProxy] : trustProxy);

  app.use((req, _res, next) => {
    req.yj = {
      ip: req.ip ?? '',
      session: null,
      user: null,
      sessionExpired: false,
      csrfDeferred: false,
      viaAdminToken: false,
      kind: 'page',
      liveSince: services.events.lastSeq,
    };
    next();
  });
  app.use(services.metrics.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Plain-HTTP installations inside a centre's network would be broken by a forced upgrade.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use('/static', staticFiles(STATIC_DIR));
  app.use(cookieParser());
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '1mb' }));
  app.use(refuseIllFormedText);
  app.use((req, _res, next) => {
    services.sessions.load(req).then(() => next(), next);
  });
  app.use(adminTokenAuth(services.adminToken));
  app.use(csrfProtection);
  app.use((_req, res, next) => {
    // Pages show personal data; neither the browser's back cache nor a proxy should keep them.
    res.set('Cache-Control', 'no-store');
    next();
  });

  mountRoutes(app, buildRoutes(services).routes);

  app.use(notFoundHandler);
  app.use(errorHandler(services.logger));
  return { app, services };
}

/**
 * Every string that comes in — path, query keys and values, body keys and values — must be text the store
 * can keep: a NUL byte or a lone surrogate is refused here (a path with one names no page: 404; a query or
 * body: 400), before any handler or the database sees it.
 */
const refuseIllFormedText: RequestHandler = (req, _res, next) => {
  if (req.path.startsWith('/api/')) req.yj.kind = 'api';
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return next(notFound());
    }
    if (!isWellFormedText(decoded)) return next(notFound());
  }
  if (findIllFormedText(req.query) !== undefined || findIllFormedText(req.body) !== undefined) {
    return next(
      new HttpError(
        400,
        'MALFORMED_TEXT',
        '提交的内容含有无法识别的字符（如空字符或不完整的文字编码），请检查后重试',
      ),
    );
  }
  next();
};
