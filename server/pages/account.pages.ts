import type { Request, Response } from 'express';
import { z } from 'zod';
import { hashPassword, passwordProblems, verifyPassword } from '../auth/password.ts';
import { alertBox, csrfField, type FieldErrors, inputField } from '../html/components.ts';
import { html } from '../html/html.ts';
import { sendPage } from '../html/layout.ts';
import { signedIn } from '../http/context.ts';
import type { RouteSpec } from '../http/routes.ts';
import { parseForm } from '../http/validate.ts';
import type { Services } from '../services.ts';

/**
 * Ends every session of an account and the live-update streams opened in them, on this server. Streams on
 * another server of a multi-server installation end when they reconnect (their session is gone).
 */
export async function endAccountSessions(
  services: Pick<Services, 'sessions' | 'events'>,
  userId: string,
): Promise<void> {
  await services.sessions.endAll(userId);
  services.events.disconnectUser(userId);
}

/** A signed-in person changes their own password; every other session of theirs ends with the old one. */
export function accountRoutes(services: Services): RouteSpec[] {
  const { users, sessions, audit, options, limiter } = services;

  function show(req: Request, res: Response, state: PasswordState = {}, status = 200) {
    sendPage(
      req,
      res,
      {
        title: '修改密码',
        width: 'narrow',
        body: passwordForm(req.yj.session?.csrfToken ?? '', state),
      },
      status,
    );
  }

  return [
    {
      method: 'get',
      path: '/account/password',
      access: 'signed-in',
      kind: 'page',
      summary: '修改密码页',
      handler: (req, res) => show(req, res, { changed: req.query.changed === '1' }),
    },
    {
      method: 'post',
      path: '/account/password',
      access: 'signed-in',
      kind: 'page',
      summary: '修改密码',
      handler: async (req, res) => {
        const me = signedIn(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const parsed = parseForm(passwordSchema(me.login), body);
        if (!parsed.ok) return show(req, res, { errors: parsed.errors }, 422);
        // The current password is a sign-in by another door: it waits and counts like one.
        const wait = await limiter.check(me.login, req.yj.ip, { lastAdmin: false });
        if (wait.wait) return show(req, res, { errors: { current: '尝试次数过多，请稍后再试' } }, 429);
        const account = await users.findByLogin(me.login);
        if (!account || !(await verifyPassword(parsed.data.current, account.passwordHash))) {
          await limiter.fail(me.login, req.yj.ip);
          return show(req, res, { errors: { current: '当前密码不正确' } }, 422);
        }
        await users.setPassword(me.id, await hashPassword(parsed.data.password, options.passwordCost));
        // Whoever knew the old password is signed out everywhere; this browser goes on in a new session.
        await endAccountSessions(services, me.id);
        req.yj.session = null;
        await sessions.signIn(req, res, me.id);
        await audit(req, 'user.password', { type: 'user', id: me.id });
        res.redirect(303, '/account/password?changed=1');
      },
    },
  ];
}

const passwordSchema = (login: string) =>
  z
    .object({
      current: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(128),
      password: z.string({ error: '请设置新密码' }).superRefine((password, ctx) => {
        for (const problem of passwordProblems(password, login))
          ctx.addIssue({ code: 'custom', message: problem });
      }),
      confirm: z.string({ error: '请再次输入新密码' }),
    })
    .refine((value) => value.password === value.confirm, {
      path: ['confirm'],
      message: '两次输入的密码不一致',
    });

interface PasswordState {
  errors?: FieldErrors;
  changed?: boolean;
}

function passwordForm(csrf: string, state: PasswordState) {
  return html`<section class="card auth-card">
  <p class="auth-card__lead">修改后，您在其他设备和浏览器上的登录都会退出。</p>
  ${state.changed ? alertBox('success', '密码已修改，其他设备上的登录已退出') : ''}
  <form method="post" action="/account/password" novalidate class="form">
    ${csrfField(csrf)}
    ${inputField({ name: 'current', label: '当前密码', type: 'password', error: state.errors?.current, autocomplete: 'current-password', required: true })}
    ${inputField({ name: 'password', label: '新密码', type: 'password', error: state.errors?.password, autocomplete: 'new-password', required: true, hint: '至少 8 位，包含字母和数字' })}
    ${inputField({ name: 'confirm', label: '确认新密码', type: 'password', error: state.errors?.confirm, autocomplete: 'new-password', required: true })}
    <button class="button button--primary button--block" type="submit">修改密码</button>
  </form>
</section>`;
}
