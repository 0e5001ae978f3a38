import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ZodError } from 'zod';
import type { PortalContext } from './portal.ts';

/**
 * The sandbox control API of one portal, under /__sandbox, for tests and benchmarks only. Every call needs
 * `Authorization: Bearer <control token>` (written to DATA_DIR/portals/control-token by `yijian portals`).
 *
 *   GET  /__sandbox                     the portal, its item, faults and submission count
 *   GET  /__sandbox/submissions         every submission exactly as received (?reference= ?company= ?account=)
 *   GET  /__sandbox/submissions/:ref    one submission
 *   POST /__sandbox/reset               forget submissions, SMS, sessions and uploads of this portal
 *   GET  /__sandbox/sms?phone=          the SMS inbox (stands in for the applicant's phone)
 *   GET  /__sandbox/faults              current fault settings
 *   PUT  /__sandbox/faults              change some: {"latencyMs":[100,800],"errorRate":0.2,"failNext":1,
 *                                       "errorStatus":503,"sessionTimeoutMs":1000,"syncLagMs":0,"approvalDelayMs":0,
 *                                       "drift":[{"kind":"rename-label","label":"单位全称","to":"单位名称"}]}
 *                                       (drift: the form changes of sandbox/kit/drift.ts)
 *   POST /__sandbox/tick                apply due transitions now (approvals whose delay has passed)
 * Portals add their own routes (the unified login: GET /__sandbox/captcha).
 */
export function controlRouter(ctx: PortalContext, token: string, tick: () => void): Router {
  const router = express.Router();
  const expected = Buffer.from(`Bearer ${token}`);
  router.use((req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ ok: false, message: '需要沙箱控制令牌（Authorization: Bearer …）' });
      return;
    }
    next();
  });
  router.use(express.json({ limit: '1mb' }));

  router.get('/', (_req, res) => {
    res.json({
      portal: ctx.definition.id,
      item: ctx.definition.item ?? null,
      itemName: ctx.definition.itemName,
      faults: ctx.faults.settings,
      accounts: ctx.accounts.usernames(),
      submissions: ctx.store.list().length,
      persistent: ctx.store.persistent,
    });
  });
  router.get('/submissions', (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    const filter = {
      ...(query.reference ? { reference: query.reference } : {}),
      ...(query.company ? { company: query.company } : {}),
      ...(query.account ? { account: query.account } : {}),
    };
    res.json({ submissions: ctx.store.list(filter) });
  });
  router.get('/submissions/:reference', (req, res) => {
    const submission = ctx.store.get(String(req.params.reference));
    if (submission) res.json(submission);
    else res.status(404).json({ ok: false, message: '没有这个编号的办件' });
  });
  router.post('/reset', (_req, res) => {
    ctx.store.reset();
    ctx.sessions.clear();
    ctx.uploads.clear();
    res.json({ ok: true });
  });
  router.get('/sms', (req, res) => {
    const phone = typeof req.query.phone === 'string' ? req.query.phone : undefined;
    res.json({ messages: ctx.store.smsInbox(phone) });
  });
  router.get('/faults', (_req, res) => {
    res.json(ctx.faults.settings);
  });
  const setFaults = (req: Request, res: Response) => {
    try {
      res.json(ctx.faults.update(req.body));
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      res.status(400).json({
        ok: false,
        message: '故障设置不正确',
        issues: error.issues.map((issue) => ({ setting: issue.path.join('.'), message: issue.message })),
      });
    }
  };
  router.put('/faults', setFaults);
  router.patch('/faults', setFaults);
  router.post('/tick', (_req, res) => {
    tick();
    res.json({ ok: true });
  });
  ctx.definition.control?.(router, ctx);
  return router;
}
