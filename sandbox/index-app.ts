import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { isValidCreditCode } from '../forms/codes/index.ts';
import type { PortalApp } from './kit/app.ts';
import { assetsRouter } from './kit/assets.ts';
import { html } from './kit/html/escape.ts';
import { renderPage } from './kit/html/layout.ts';
import { PORTAL_IDS, type PortalId, type PortalsShared } from './kit/portal.ts';

const companySchema = z.object({
  creditCode: z.string().refine(isValidCreditCode, '统一社会信用代码校验位不正确'),
  name: z.string().min(1),
  legalRepName: z.string().min(1),
  legalRepIdNumber: z.string().min(15),
  regionCode: z.string().regex(/^\d{6}$/),
  address: z.string().min(1),
  establishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  registrationAuthority: z.string().min(1),
  registeredAt: z.iso.datetime().optional(),
});

/**
 * The sandbox's front door (PORTALS_PORT): a page listing every portal with its address, and a control API
 * over all of them:
 *   GET  /__sandbox            every portal's base URL
 *   POST /__sandbox/reset      reset every portal and the inter-agency registry
 *   PUT  /__sandbox/faults     the same fault change on every portal
 *   GET  /__sandbox/registry   companies known to the inter-agency exchange
 *   POST /__sandbox/registry   publish a company as if market regulation had approved it (registeredAt
 *                              defaults to now; the other departments see it after their sync lag)
 */
export function createIndexApp(options: {
  shared: PortalsShared;
  apps: Partial<Record<PortalId, PortalApp>>;
  controlToken: string;
}): Express {
  const { shared, apps } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(assetsRouter());

  const expected = Buffer.from(`Bearer ${options.controlToken}`);
  const control = express.Router();
  control.use((req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.status(401).json({ ok: false, message: '需要沙箱控制令牌（Authorization: Bearer …）' });
  });
  control.use(express.json());
  control.get('/', (_req, res) => {
    res.json({ urls: shared.urls });
  });
  control.post('/reset', (_req, res) => {
    for (const portal of Object.values(apps)) {
      portal.ctx.store.reset();
      portal.ctx.sessions.clear();
      portal.ctx.uploads.clear();
    }
    shared.registry.reset();
    res.json({ ok: true });
  });
  control.put('/faults', (req, res) => {
    try {
      for (const portal of Object.values(apps)) portal.ctx.faults.update(req.body);
      res.json({ ok: true });
    } catch (error) {
      res.status(400).json({ ok: false, message: '故障设置不正确', detail: String(error) });
    }
  });
  control.get('/registry', (_req, res) => {
    res.json({ companies: shared.registry.list() });
  });
  control.post('/registry', (req, res) => {
    const parsed = companySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ ok: false, issues: parsed.error.issues });
      return;
    }
    const company = { ...parsed.data, creditCode: parsed.data.creditCode.toUpperCase() };
    shared.registry.register({ ...company, registeredAt: company.registeredAt ?? new Date().toISOString() });
    res.json({ ok: true });
  });
  app.use('/__sandbox', control);

  app.get('/', (_req, res) => {
    const rows = PORTAL_IDS.flatMap((id) => {
      const portal = apps[id];
      const url = shared.urls[id];
      if (!portal || !url) return [];
      const { definition } = portal.ctx;
      return [
        html`<tr><td>${definition.chrome.department}</td><td>${definition.chrome.systemName}</td><td>${definition.itemName}</td><td><a href="${url}/">${url}</a></td><td>${definition.item ?? '—'}</td></tr>`,
      ];
    });
    const body = html`<p>以下为模拟的各部门业务系统（沙箱），供机器人、演示和测试使用，与真实政务系统无关。每个系统运行在独立端口，会话互不相通。</p>
<table class="k-table"><thead><tr><th>部门</th><th>系统</th><th>办理事项</th><th>地址</th><th>事项代码</th></tr></thead><tbody>${rows}</tbody></table>
<p class="k-muted">沙箱控制接口位于各系统的 /__sandbox 路径下，需携带控制令牌；令牌保存在 DATA_DIR/portals/control-token。</p>`;
    res.send(
      renderPage(
        {
          department: '一件事 · 一键办',
          systemName: '模拟部门系统导航',
          primary: '#1f5fae',
          nav: [{ href: '/', label: '系统导航' }],
          footer: '一件事 · 一键办 沙箱环境',
          loginLink: false,
        },
        { title: '模拟部门系统一览', body, active: '/' },
      ),
    );
  });
  return app;
}
