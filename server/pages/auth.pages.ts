import type { Request, Response } from 'express';
import { z } from 'zod';
import { maskPhone } from '../../lib/redact.ts';
import { waitMessage } from '../auth/login-limiter.ts';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from '../auth/password.ts';
import { alertBox, csrfField, type FieldErrors, inputField } from '../html/components.ts';
import { html } from '../html/html.ts';
import { HOME_OF } from '../html/layout.ts';
import type { RouteSpec } from '../http/routes.ts';
import { displayText, formText, MOBILE, parseForm, safeNext } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { currentUserOf, hourlyLimit, sendSignedOutForm, signedOutPage } from './signed-out.ts';

/** Sign-in, registration of applicants, sign-out. */
export function authRoutes(services: Services): RouteSpec[] {
  const { sessions, limiter, users, audit, options } = services;
  let decoy: Promise<string> | undefined;

  const showLogin = (req: Request, res: Response, state: LoginState = {}, status = 200) =>
    sendSignedOutForm(sessions, req, res, '登录', (csrf) => loginForm(csrf, state), status);
  // Without an SMS sender nothing can prove a phone is the registrant's: the page says so instead of the form.
  const showRegister = (req: Request, res: Response, state: RegisterState = {}, status = 200) =>
    sendSignedOutForm(
      sessions,
      req,
      res,
      '注册',
      (csrf) => (services.phoneVerification ? registerForm(csrf, state) : registrationClosed()),
      status,
    );

  const registerLimit = hourlyLimit(20, '注册过于频繁，请一小时后再试');

  return [
    signedOutPage('/login', '登录页', (req, res) =>
      showLogin(req, res, {
        next: safeNext(req.query.next),
        notice: req.yj.sessionExpired || req.query.expired ? '登录已超时，请重新登录' : undefined,
      }),
    ),
    {
      method: 'post',
      path: '/login',
      access: 'public',
      kind: 'page',
      summary: '登录',
      handler: async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const next = safeNext(body.next);
        const parsed = parseForm(loginSchema, body);
        if (!parsed.ok)
          return showLogin(req, res, { login: String(body.login ?? ''), errors: parsed.errors, next }, 422);
        const { login, password } = parsed.data;
        const user = await users.findByLogin(login);
        const lastAdmin =
          user?.role === 'admin' && !user.disabled && (await users.countActive('admin')) === 1;
        const wait = await limiter.check(login, req.yj.ip, { lastAdmin });
        if (wait.wait) {
          // Refused before the password is looked at, so a try during the wait tells a guesser nothing.
          await audit(req, 'auth.login-delayed', null, { login: shownLogin(login), by: wait.by });
          services.metrics.logins.inc({ result: 'delayed' });
          res.set('Retry-After', String(Math.ceil(wait.retryAfterMs / 1000)));
          return showLogin(req, res, { login, failure: waitMessage(wait), next }, 429);
        }
        decoy ??= decoyHash(options.passwordCost);
        const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
        if (!user || !ok || user.disabled) {
          await limiter.fail(login, req.yj.ip);
          await audit(req, 'auth.login-failed', null, { login: shownLogin(login) });
          services.metrics.logins.inc({ result: 'failed' });
          return showLogin(req, res, { login, failure: '账号或密码错误', next }, 401);
        }
        await limiter.succeed(login);
        await sessions.signIn(req, res, user.id);
        await users.recordLogin(user.id);
        req.yj.user = currentUserOf(user);
        await audit(req, 'auth.login', { type: 'user', id: user.id });
        services.metrics.logins.inc({ result: 'ok' });
        res.redirect(303, next ?? HOME_OF[user.role]);
      },
    },
    signedOutPage('/register', '申请人注册页', (req, res) => showRegister(req, res)),
    {
      method: 'post',
      path: '/register',
      access: 'public',
      kind: 'page',
      summary: '申请人注册',
      before: [registerLimit],
      handler: async (req, res) => {
        const verification = services.phoneVerification;
        if (!verification) return showRegister(req, res, {}, 503);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const kept = { name: String(body.name ?? ''), phone: String(body.phone ?? '') };
        const errors = registerProblems(body);
        const parsed = parseForm(registerSchema, body);
        if (errors || !parsed.ok) return showRegister(req, res, { ...kept, errors: errors ?? {} }, 422);
        const { name, phone, password } = parsed.data;
        if (await users.findByLogin(phone))
          return showRegister(req, res, { ...kept, errors: { phone: '该手机号已注册，请直接登录' } }, 422);
        const wait = await verification.waitBeforeSendingTo(phone);
        if (wait > 0)
          return showRegister(
            req,
            res,
            { ...kept, errors: { phone: `该手机号刚收到过验证码，请 ${wait} 秒后再试` } },
            429,
          );
        // The account is created once the code sent to the phone comes back (registration.pages.ts).
        const session = await sessions.ensure(req, res);
        try {
          await verification.start(session.idHash, {
            phone,
            displayName: name,
            passwordHash: await hashPassword(password, options.passwordCost),
          });
        } catch (error) {
          services.logger.warn({ code: (error as Error).name }, '注册验证码短信未能发出');
          return showRegister(req, res, { ...kept, failure: '短信验证码发送失败，请稍后再试' }, 503);
        }
        res.redirect(303, '/register/verify');
      },
    },
    {
      method: 'post',
      path: '/logout',
      access: 'public',
      kind: 'page',
      summary: '退出登录',
      handler: async (req, res) => {
        if (req.yj.user) await audit(req, 'auth.logout', { type: 'user', id: req.yj.user.id });
        const session = req.yj.session?.idHash;
        await sessions.signOut(req, res);
        // Pages of this session left open stop receiving events (other sessions of the person keep theirs).
        if (session) services.events.disconnectSession(session);
        res.redirect(303, '/login');
      },
    },
  ];
}

const loginSchema = z.object({
  login: formText('请输入手机号或用户名', 64).transform((value) => value.toLowerCase()),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码不能超过 128 位'),
});

const registerSchema = z
  .object({
    name: displayText('请输入姓名', 30),
    phone: formText('请输入手机号', 11).pipe(z.string().regex(MOBILE, '请输入 11 位手机号')),
    password: z.string({ error: '请设置密码' }).superRefine((password, ctx) => {
      for (const problem of passwordProblems(password)) ctx.addIssue({ code: 'custom', message: problem });
    }),
    confirm: z.string({ error: '请再次输入密码' }),
    consent: z.literal('1', { error: '请阅读并同意个人信息使用说明' }),
  })
  .superRefine((value, ctx) => {
    if (value.password.includes(value.phone)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: '密码不能包含手机号' });
    }
  });

/** Every problem at once: zod skips the object-level checks while a field is invalid. */
function registerProblems(body: Record<string, unknown>): Record<string, string> | undefined {
  const parsed = parseForm(registerSchema, body);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  if (body.password !== body.confirm) errors.confirm ??= '两次输入的密码不一致';
  return Object.keys(errors).length ? errors : undefined;
}

/** A login as written to the audit log: phone numbers masked, user names as they are. */
function shownLogin(login: string): string {
  return MOBILE.test(login) ? maskPhone(login) : login.slice(0, 64);
}

interface LoginState {
  login?: string;
  errors?: FieldErrors;
  failure?: string;
  notice?: string | undefined;
  next?: string | undefined;
}

function loginForm(csrf: string, state: LoginState) {
  return html`<section class="card auth-card">
  <h1 class="auth-card__title">登录</h1>
  <p class="auth-card__lead">申请人用注册手机号登录；窗口人员和管理员用工作账号登录。</p>
  ${state.notice ? alertBox('info', state.notice) : ''}
  ${state.failure ? alertBox('error', state.failure) : ''}
  <form method="post" action="/login" novalidate class="form">
    ${csrfField(csrf)}
    ${state.next ? html`<input type="hidden" name="next" value="${state.next}">` : ''}
    ${inputField({ name: 'login', label: '手机号或用户名', value: state.login, error: state.errors?.login, autocomplete: 'username', required: true })}
    ${inputField({ name: 'password', label: '密码', type: 'password', error: state.errors?.password, autocomplete: 'current-password', required: true })}
    <button class="button button--primary button--block" type="submit">登录</button>
  </form>
  <p class="auth-card__switch">还没有账号？<a href="/register">注册申请人账号</a></p>
</section>`;
}

export interface RegisterState {
  name?: string;
  phone?: string;
  errors?: FieldErrors;
  /** Why the registration must start again (the code's tries ran out, it expired, it could not be sent). */
  failure?: string;
}

/** Shown instead of the registration form, and to a form posted anyway, when no SMS sender is configured. */
export const REGISTRATION_CLOSED =
  '本中心尚未接入短信服务，无法发送注册验证码，暂不能在线注册。请到服务中心窗口办理，或联系管理员开通。';

function registrationClosed() {
  return html`<section class="card auth-card" data-registration-closed>
  <h1 class="auth-card__title">暂不能在线注册</h1>
  ${alertBox('warning', REGISTRATION_CLOSED)}
  <p class="auth-card__switch">已有账号？<a href="/login">直接登录</a></p>
</section>`;
}

export function registerForm(csrf: string, state: RegisterState) {
  return html`<section class="card auth-card">
  <h1 class="auth-card__title">注册申请人账号</h1>
  <p class="auth-card__lead">注册后即可在线办理"开办企业""开餐饮店"等一件事，进度随时可查。</p>
  ${state.failure ? alertBox('error', state.failure) : ''}
  <form method="post" action="/register" novalidate class="form">
    ${csrfField(csrf)}
    ${inputField({ name: 'name', label: '姓名', value: state.name, error: state.errors?.name, autocomplete: 'name', required: true, maxlength: 30 })}
    ${inputField({ name: 'phone', label: '手机号', type: 'tel', inputmode: 'numeric', value: state.phone, error: state.errors?.phone, autocomplete: 'tel', required: true, maxlength: 11, hint: '用于登录和接收办理进度短信' })}
    ${inputField({ name: 'password', label: '设置密码', type: 'password', error: state.errors?.password, autocomplete: 'new-password', required: true, hint: '至少 8 位，包含字母和数字' })}
    ${inputField({ name: 'confirm', label: '确认密码', type: 'password', error: state.errors?.confirm, autocomplete: 'new-password', required: true })}
    <div class="${state.errors?.consent ? 'field field--error' : 'field'}">
      <label class="check"><input type="checkbox" name="consent" value="1"${state.errors?.consent ? html` aria-invalid="true" aria-describedby="f-consent-error"` : ''}> 我同意本平台按《个人信息保护法》处理我提交的信息，仅用于办理我申请的事项</label>
      ${state.errors?.consent ? html`<p class="field__error" id="f-consent-error" role="alert">${state.errors.consent}</p>` : ''}
    </div>
    <button class="button button--primary button--block" type="submit">获取短信验证码</button>
    <p class="field__hint">下一步输入发送到该手机号的验证码，验证通过后创建账号并登录。</p>
  </form>
  <p class="auth-card__switch">已有账号？<a href="/login">直接登录</a></p>
</section>`;
}
