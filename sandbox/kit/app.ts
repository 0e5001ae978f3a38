import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import type { Logger } from '../../lib/logger.ts';
import { AccountBook } from './accounts.ts';
import { assetsRouter, servePortalFiles } from './assets.ts';
import { controlRouter } from './control-api.ts';
import { driftMiddleware } from './drift.ts';
import { type FaultPatch, Faults } from './faults.ts';
import { trusted } from './html/escape.ts';
import { BUSY_TEXT, renderBusyPage, renderPage } from './html/layout.ts';
import { loginRouter } from './login-page.ts';
import type { PortalContext, PortalDefinition, PortalsShared } from './portal.ts';
import { queryRouter } from './query-page.ts';
import { regionsRouter } from './regions-api.ts';
import { SessionManager } from './sessions.ts';
import { SmsService } from './sms.ts';
import { PortalStore } from './store.ts';
import type { Submission } from './submissions.ts';
import { checkUpload, decodeFileName, UploadShelf } from './uploads.ts';

export interface PortalAppOptions {
  shared: PortalsShared;
  /** DATA_DIR/portals: state persists under <dataDir>/<portal id>; in memory when absent. */
  dataDir?: string | undefined;
  controlToken: string;
  faults?: FaultPatch;
  logger: Logger;
  now?: () => number;
}

export interface PortalApp {
  app: Express;
  ctx: PortalContext;
  /** Applies due transitions (approvals); `startPortals` calls it on a timer. */
  tick(): void;
}

const wantsJson = (req: Request) =>
  req.get('x-requested-with') === 'XMLHttpRequest' || req.path.startsWith('/api/');

/** Builds one department's Express app from its definition: sessions, faults, uploads, control API, pages. */
export function createPortalApp(definition: PortalDefinition, options: PortalAppOptions): PortalApp {
  const now = options.now ?? Date.now;
  const logger = options.logger.child({ portal: definition.id });
  const faults = new Faults(options.faults);
  const store = new PortalStore({ dir: options.dataDir ? join(options.dataDir, definition.id) : undefined });
  const sessions = new SessionManager({
    cookieName: definition.cookieName,
    idleTimeoutMs: () => faults.settings.sessionTimeoutMs,
    now,
  });
  const uploads = new UploadShelf();

  const ctx: PortalContext = {
    definition,
    store,
    sessions,
    accounts: new AccountBook(definition.accounts),
    faults,
    sms: new SmsService(store, definition.smsSender ?? definition.chrome.department, now),
    uploads,
    shared: options.shared,
    logger,
    now: () => new Date(now()),
    render: (req, page) => renderPage(definition.chrome, { ...page, user: req.portalSession?.displayName }),
    requireLogin: (req, res, next) => {
      if (req.portalSession?.account) return next();
      if (wantsJson(req)) {
        res.status(401).json({ ok: false, message: '登录已超时，请重新登录', login: '/login' });
        return;
      }
      const params = new URLSearchParams({ next: req.method === 'GET' ? req.originalUrl : '/' });
      if (req.portalSessionExpired) params.set('expired', '1');
      res.redirect(303, `/login?${params}`);
    },
    accountOf: (req) => {
      const account = req.portalSession?.account;
      if (!account) throw new Error('accountOf used on a route without requireLogin');
      return account;
    },
    takeUpload: (req, id) =>
      req.portalSession?.account ? uploads.take(req.portalSession.account, id) : undefined,
    recordSubmission: (input) => {
      if (!definition.item) throw new Error(`${definition.id} files no item`);
      const at = new Date(now()).toISOString();
      const submission: Submission = {
        reference: input.reference,
        portal: definition.id,
        item: definition.item,
        account: input.account,
        company: input.company,
        ...(input.creditCode ? { creditCode: input.creditCode } : {}),
        status: input.status,
        statusText: input.statusText,
        receivedAt: at,
        updatedAt: at,
        raw: Object.assign({}, ...input.requests.map((request) => request.body)),
        requests: input.requests,
        files: input.files,
        fields: input.fields,
        receipt: input.receipt,
        ...(input.dueAt ? { dueAt: input.dueAt.toISOString() } : {}),
      };
      store.add(submission);
      logger.info({ reference: submission.reference }, 'submission recorded');
      return submission;
    },
  };

  const tick = () => {
    if (!definition.onDue) return;
    for (const submission of store.due(new Date(now()))) {
      try {
        definition.onDue(submission, ctx);
      } catch (error) {
        logger.error({ err: error, reference: submission.reference }, 'transition failed');
      }
    }
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(assetsRouter());
  // Browsers ask for it on their own; it must not consume an injected fault meant for a page.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.use('/__sandbox', controlRouter(ctx, options.controlToken, tick));
  app.use(cookieParser());
  app.use(sessions.middleware());
  app.use((req, res, next) => {
    const delay = faults.latency();
    const proceed = () => {
      if (faults.shouldLoseAnswer(req.method, req.path)) {
        // The request is handled in full; only its answer is lost on the way back: the connection breaks
        // after the first bytes. (Closed before any byte, a browser would send the POST again by itself.)
        res.writeHead = () => res;
        res.end = () => {
          req.socket.end(
            'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{"ok":',
          );
          req.socket.destroy();
          return res;
        };
      }
      if (!faults.shouldFail()) return next();
      const status = faults.settings.errorStatus;
      if (wantsJson(req)) res.status(status).json({ ok: false, message: BUSY_TEXT });
      else res.status(status).type('html').send(renderBusyPage());
    };
    if (delay > 0) setTimeout(proceed, delay);
    else proceed();
  });
  app.use(driftMiddleware(() => faults.settings.drift));
  app.use(express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 5000 }));
  app.use(express.json({ limit: '256kb' }));
  app.use(regionsRouter());
  app.get('/logout', (req, res) => {
    sessions.logout(req, res);
    res.redirect(303, '/');
  });

  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: 20 * 1024 * 1024, files: 1 },
  });
  app.post('/api/upload', ctx.requireLogin, (req, res) => {
    upload.single('file')(req, res, (error: unknown) => {
      const slot = typeof req.body?.slot === 'string' ? req.body.slot : '';
      const rule = definition.uploads?.[slot];
      if (error) {
        const tooLarge = (error as { code?: string }).code === 'LIMIT_FILE_SIZE';
        res.json({
          ok: false,
          message: tooLarge ? `${rule?.label ?? '文件'}：文件过大` : '上传失败，请重试',
        });
        return;
      }
      if (!rule) return void res.status(400).json({ ok: false, message: '上传项目不存在' });
      if (!req.file) return void res.json({ ok: false, message: `${rule.label}：请选择文件` });
      const fileName = decodeFileName(req.file.originalname);
      const check = checkUpload(rule, fileName, req.file.buffer);
      if (!check.ok) return void res.json({ ok: false, message: check.message });
      const id = uploads.put(ctx.accountOf(req), check.meta);
      res.json({ ok: true, id, fileName, size: check.meta.size });
    });
  });

  const pages = express.Router();
  servePortalFiles(pages, definition.id, definition.libraries);
  const home = definition.home;
  if (home) pages.get('/', (req, res) => void res.send(ctx.render(req, { ...home, active: '/' })));
  definition.mount(pages, ctx);
  app.use(pages);
  if (definition.login === 'kit') app.use(loginRouter(ctx));
  app.use(queryRouter(ctx, { list: definition.query !== false }));

  app.use((req, res) => {
    res.status(404).send(
      ctx.render(req, {
        title: '页面不存在',
        body: trusted('<p>您访问的页面不存在或已被移除。</p><p><a href="/">返回首页</a></p>'),
      }),
    );
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
    if (wantsJson(req)) res.status(500).json({ ok: false, message: BUSY_TEXT });
    else res.status(500).type('html').send(renderBusyPage());
  });
  definition.onStart?.(ctx);
  return { app, ctx, tick };
}
