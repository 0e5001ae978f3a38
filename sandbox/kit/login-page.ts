import express, { type Request, type Response, type Router } from 'express';
import type { Errors } from './body.ts';
import { html, type SafeHtml } from './html/escape.ts';
import { formItem, textInput } from './html/widgets.ts';
import type { PortalContext } from './portal.ts';

/** A `next` target is only ever a path of this portal (no open redirect to another host). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export const EXPIRED_MESSAGE = '登录已超时，请重新登录';

/** What a login form shows again: the user name typed, messages by field, the expired-session warning. */
export interface LoginFormState {
  username?: string;
  errors?: Errors;
  expired?: boolean;
}

/** A login page in the portal's look: its title, the warning of an expired session when `expired`, the form. */
export function renderLogin(
  ctx: PortalContext,
  req: Request,
  page: { title: string; expired?: boolean | undefined; body: SafeHtml },
): string {
  return ctx.render(req, {
    title: page.title,
    flash: page.expired ? { kind: 'warning', text: EXPIRED_MESSAGE } : undefined,
    body: page.body,
  });
}

/**
 * Checks a user name and password against the portal's accounts and, when they match, logs the session in.
 * A refusal is logged without the name or the password; what the page then says is the portal's own.
 */
export function logInWithPassword(
  ctx: PortalContext,
  req: Request,
  res: Response,
  username: string,
  password: string,
): boolean {
  const displayName = ctx.accounts.verify(username, password);
  if (!displayName) {
    ctx.logger.info({ portal: ctx.definition.id }, 'login refused');
    return false;
  }
  ctx.sessions.login(req, res, username, displayName);
  return true;
}

/** The kit's username/password login (portals with `login: 'kit'`). */
export function loginRouter(ctx: PortalContext): Router {
  const router = express.Router();
  const page = (
    req: Request,
    options: { username?: string; error?: string; next: string; expired: boolean },
  ) =>
    renderLogin(ctx, req, {
      title: '用户登录',
      expired: options.expired,
      body: html`<div class="k-login">
<div class="k-login__side"><h2>${ctx.definition.chrome.systemName}</h2><p>请使用单位账号登录后办理${ctx.definition.itemName}等业务。</p><p>办理过程中如遇问题，请拨打咨询电话 12345。</p></div>
<form class="k-login__form" method="post" action="/login">
<input type="hidden" name="next" value="${options.next}">
${formItem({ label: '用户名', required: true, forName: 'username', control: textInput({ name: 'username', value: options.username, placeholder: '请输入用户名', autocomplete: 'username' }) })}
${formItem({ label: '密码', required: true, forName: 'password', error: options.error, control: textInput({ name: 'password', type: 'password', placeholder: '请输入密码', autocomplete: 'current-password' }) })}
<div class="k-actions"><button class="k-btn k-btn--primary" type="submit">登 录</button></div>
</form></div>`,
    });
  router.get('/login', (req, res) => {
    res.send(page(req, { next: safeNext(req.query.next), expired: req.query.expired === '1' }));
  });
  router.post('/login', (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const username = (body.username ?? '').trim();
    if (!logInWithPassword(ctx, req, res, username, body.password ?? '')) {
      res
        .status(200)
        .send(page(req, { username, error: '用户名或密码错误', next: safeNext(body.next), expired: false }));
      return;
    }
    res.redirect(303, safeNext(body.next));
  });
  return router;
}
