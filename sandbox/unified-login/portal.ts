import type { Request, Response } from 'express';
import { html } from '../kit/html/escape.ts';
import { formItem, textInput } from '../kit/html/widgets.ts';
import { type LoginFormState, logInWithPassword, renderLogin } from '../kit/login-page.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { captchaAnswer, renderCaptcha } from './captcha.ts';

/** The unified login's sandbox accounts (enterprise users of the provincial 政务服务网). */
export const UNIFIED_LOGIN_ACCOUNTS = [
  { username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' },
  { username: 'demo', password: 'Demo#2025', displayName: '演示用户' },
] as const;

const CAPTCHA_VALID_MS = 3 * 60_000;

interface CaptchaState {
  answer: string;
  issuedAt: number;
}

/** Only portals of this sandbox may receive tickets (no open redirect): the service's origin must be one. */
function trustedService(ctx: PortalContext, service: unknown): URL | undefined {
  if (typeof service !== 'string') return undefined;
  try {
    const url = new URL(service);
    const origins = Object.entries(ctx.shared.urls)
      .filter(([id]) => id !== 'unified-login' && id !== 'index')
      .map(([, base]) => (base ? new URL(base).origin : ''));
    return origins.includes(url.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

function redirectWithTicket(ctx: PortalContext, req: Request, res: Response, service: URL): void {
  const session = req.portalSession;
  if (!session?.account) throw new Error('redirectWithTicket without a logged-in session');
  const ticket = ctx.shared.tickets.issue(
    session.account,
    session.displayName ?? session.account,
    service.origin,
  );
  service.searchParams.set('ticket', ticket);
  res.redirect(303, service.toString());
}

function loginPage(ctx: PortalContext, req: Request, options: LoginFormState & { service: string }): string {
  const errors = options.errors ?? {};
  return renderLogin(ctx, req, {
    title: '用户登录',
    expired: options.expired,
    body: html`<div class="k-login">
<div class="k-login__side"><h2>统一身份认证</h2><p>一次登录，全网通办。</p><p>法人用户请使用单位账号登录，登录后可办理企业开办、变更、注销等业务。</p><p class="k-muted" style="color:#dfe9f7">请妥善保管账号密码，切勿泄露给他人。</p></div>
<form class="k-login__form" method="post" action="/login">
<input type="hidden" name="service" value="${options.service}">
${formItem({ label: '用户名', required: true, forName: 'loginName', error: errors.loginName, control: textInput({ name: 'loginName', value: options.username, placeholder: '请输入用户名/手机号', autocomplete: 'username' }) })}
${formItem({ label: '密码', required: true, forName: 'loginPwd', error: errors.loginPwd, control: textInput({ name: 'loginPwd', type: 'password', placeholder: '请输入密码', autocomplete: 'current-password' }) })}
${formItem({
  label: '验证码',
  required: true,
  forName: 'verifyCode',
  error: errors.verifyCode,
  control: html`<div class="k-captcha">${textInput({ name: 'verifyCode', placeholder: '请输入右侧验证码', maxLength: 4 })}<img src="/captcha.png?t=${Date.now()}" alt="验证码" title="看不清？点击更换" onclick="this.src='/captcha.png?t='+Date.now()"></div>`,
})}
<div class="k-actions"><button class="k-btn k-btn--primary" type="submit" style="width:100%">登 录</button></div>
<p class="k-muted" style="text-align:center">忘记密码？　|　注册法人账号</p>
</form></div>`,
  });
}

/**
 * 统一身份认证 (the provincial unified login) on its own port: username, password and an image CAPTCHA;
 * on success it sends the browser back to the portal with a one-time ticket. Already logged in here, a
 * second portal gets its ticket without the form (single sign-on).
 */
export const unifiedLoginPortal: PortalDefinition = {
  id: 'unified-login',
  itemName: '统一身份认证',
  cookieName: 'IDS_SESSION',
  login: 'custom',
  accounts: UNIFIED_LOGIN_ACCOUNTS,
  chrome: {
    department: '福建省网上办事大厅',
    systemName: '统一身份认证平台',
    primary: '#0b5fa8',
    nav: [{ href: '/login', label: '用户登录' }],
    footer: '福建省人民政府办公厅',
  },
  mount(router, ctx) {
    router.get('/', (_req, res) => res.redirect(303, '/login'));
    router.get('/captcha.png', (req, res) => {
      const session = ctx.sessions.ensure(req, res);
      const state: CaptchaState = { answer: captchaAnswer(), issuedAt: ctx.now().getTime() };
      session.data.captcha = state;
      res.set('Cache-Control', 'no-store').type('png').send(renderCaptcha(state.answer));
    });
    router.get('/login', (req, res) => {
      const service = trustedService(ctx, req.query.service);
      if (service && req.portalSession?.account) return redirectWithTicket(ctx, req, res, service);
      ctx.sessions.ensure(req, res);
      res.send(
        loginPage(ctx, req, {
          service: service?.toString() ?? '',
          expired: req.query.expired === '1' || req.portalSessionExpired === true,
        }),
      );
    });
    router.post('/login', (req, res) => {
      const body = req.body as Record<string, string | undefined>;
      const session = ctx.sessions.ensure(req, res);
      const captcha = session.data.captcha as CaptchaState | undefined;
      delete session.data.captcha; // one attempt per picture
      const username = (body.loginName ?? '').trim();
      const service = trustedService(ctx, body.service);
      const again = (errors: Record<string, string>) =>
        res.send(loginPage(ctx, req, { service: service?.toString() ?? '', username, errors }));
      const typed = (body.verifyCode ?? '').trim().toUpperCase();
      if (!typed) return void again({ verifyCode: '请输入验证码' });
      if (!captcha || ctx.now().getTime() - captcha.issuedAt > CAPTCHA_VALID_MS) {
        return void again({ verifyCode: '验证码已失效，请刷新后重新输入' });
      }
      if (typed !== captcha.answer) return void again({ verifyCode: '验证码错误' });
      if (!logInWithPassword(ctx, req, res, username, body.loginPwd ?? '')) {
        return void again({ loginPwd: '用户名或密码错误' });
      }
      if (service) return redirectWithTicket(ctx, req, res, service);
      res.send(
        ctx.render(req, {
          title: '登录成功',
          body: html`<p>您已登录统一身份认证平台。请从各部门业务系统进入办理业务。</p>`,
        }),
      );
    });
  },
  control(router, ctx) {
    /** The CAPTCHA answer of one browser (?session=<IDS_SESSION cookie>) or of the latest picture drawn. */
    router.get('/captcha', (req, res) => {
      const id = typeof req.query.session === 'string' ? req.query.session : undefined;
      const sessions = id ? [ctx.sessions.byId(id)] : ctx.sessions.recent();
      const withCaptcha = sessions
        .map((session) => session?.data.captcha as CaptchaState | undefined)
        .filter((captcha): captcha is CaptchaState => captcha !== undefined)
        .sort((a, b) => b.issuedAt - a.issuedAt);
      const latest = withCaptcha[0];
      if (!latest) return void res.status(404).json({ ok: false, message: '没有待输入的验证码' });
      res.json({ answer: latest.answer, issuedAt: new Date(latest.issuedAt).toISOString() });
    });
  },
};
