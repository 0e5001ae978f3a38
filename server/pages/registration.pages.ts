import type { Request, Response } from 'express';
import { maskPhone } from '../../lib/redact.ts';
import { LoginTakenError } from '../../store/users.repo.ts';
import { codeProblem, type PhoneVerification } from '../auth/phone-verification.ts';
import { alertBox, csrfField, inputField } from '../html/components.ts';
import { html } from '../html/html.ts';
import { sendPage } from '../html/layout.ts';
import type { RouteSpec } from '../http/routes.ts';
import type { Services } from '../services.ts';
import { OutboxSms } from '../sms/sms.ts';
import { type RegisterState, registerForm } from './auth.pages.ts';
import { currentUserOf, hourlyLimit, sendSignedOutForm, signedOutPage } from './signed-out.ts';

interface VerifyState {
  error?: string;
  notice?: string;
}

/**
 * 注册短信验证, the second step of registration: the code sent to the phone is checked before the account is
 * created (auth/phone-verification.ts). In demo mode (no SMS gateway, OutboxSms) the page shows the message the
 * phone would have received, marked 演示环境; with no sender at all registration is closed (auth.pages.ts).
 */
export function registrationRoutes(services: Services): RouteSpec[] {
  const { sessions, users, phoneVerification } = services;
  const verifyLimit = hourlyLimit(60, '操作过于频繁，请一小时后再试');

  async function showVerify(req: Request, res: Response, state: VerifyState = {}, status = 200) {
    // No SMS sender: registration is closed, and /register says why.
    if (!phoneVerification) return res.redirect(303, '/register');
    const session = await sessions.ensure(req, res);
    const pending = await phoneVerification.pending(session.idHash);
    if (!pending) return res.redirect(303, '/register');
    const outbox = services.sms instanceof OutboxSms ? services.sms.latest(pending.phone) : undefined;
    sendPage(
      req,
      res,
      {
        title: '验证手机号',
        width: 'narrow',
        bare: true,
        body: html`<section class="card auth-card">
  <h1 class="auth-card__title">验证手机号</h1>
  <p class="auth-card__lead">验证码已发送至 <strong>${maskPhone(pending.phone)}</strong>，请在 ${pendingMinutes(pending.expiresAt)} 内输入。</p>
  ${outbox ? alertBox('info', html`未接入短信网关，短信没有真正发出。手机将收到：<span data-dev-sms>${outbox.text}</span>`, '演示环境') : ''}
  ${state.notice ? alertBox('success', state.notice) : ''}
  <form method="post" action="/register/verify" novalidate class="form">
    ${csrfField(session.csrfToken)}
    ${inputField({ name: 'code', label: '短信验证码', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6, error: state.error, hint: '6 位数字' })}
    <button class="button button--primary button--block" type="submit">验证并完成注册</button>
  </form>
  <form method="post" action="/register/resend" class="form">${csrfField(session.csrfToken)}
    <button class="button button--block" type="submit">重新获取验证码</button></form>
  <p class="auth-card__switch">手机号填错了？<a href="/register">重新填写注册信息</a></p>
</section>`,
      },
      status,
    );
  }

  const restart = (req: Request, res: Response, state: RegisterState, status: number) =>
    sendSignedOutForm(sessions, req, res, '注册', (csrf) => registerForm(csrf, state), status);

  /** The verification step's forms: rate-limited, with the visitor's session (it holds the pending code). */
  const verifyPost = (
    path: string,
    summary: string,
    handle: (
      req: Request,
      res: Response,
      session: { idHash: string },
      verification: PhoneVerification,
    ) => Promise<unknown>,
  ): RouteSpec => ({
    method: 'post',
    path,
    access: 'public',
    kind: 'page',
    summary,
    before: [verifyLimit],
    handler: async (req, res) => {
      if (!phoneVerification) return res.redirect(303, '/register');
      await handle(req, res, await sessions.ensure(req, res), phoneVerification);
    },
  });

  return [
    signedOutPage('/register/verify', '注册：验证手机号', (req, res) => showVerify(req, res)),
    verifyPost('/register/verify', '注册：提交短信验证码', async (req, res, session, verification) => {
      const code = typeof req.body?.code === 'string' ? req.body.code.trim() : '';
      if (!/^\d{6}$/.test(code)) return showVerify(req, res, { error: '请输入 6 位数字验证码' }, 422);
      const check = await verification.check(session.idHash, code);
      if (!check.ok) {
        if (check.reason === 'wrong') return showVerify(req, res, { error: codeProblem(check) }, 422);
        return restart(req, res, { failure: codeProblem(check) }, 422);
      }
      const { phone, displayName, passwordHash } = check.pending;
      let user: Awaited<ReturnType<typeof users.create>>;
      try {
        user = await users.create({ role: 'applicant', login: phone, displayName, passwordHash });
      } catch (error) {
        if (!(error instanceof LoginTakenError)) throw error;
        return restart(req, res, { errors: { phone: '该手机号已注册，请直接登录' } }, 422);
      }
      await sessions.signIn(req, res, user.id);
      req.yj.user = currentUserOf({ ...user, centreId: null });
      await services.audit(
        req,
        'user.register',
        { type: 'user', id: user.id },
        { login: maskPhone(phone), verified: '短信验证码' },
      );
      res.redirect(303, '/my?welcome=1');
    }),
    verifyPost('/register/resend', '注册：重新获取短信验证码', async (req, res, session, verification) => {
      const pending = await verification.pending(session.idHash);
      if (!pending) return res.redirect(303, '/register');
      const wait = verification.waitBeforeResend(pending);
      if (wait > 0) return showVerify(req, res, { error: `请 ${wait} 秒后再重新获取验证码` }, 429);
      await verification.resend(session.idHash, pending);
      await showVerify(req, res, {
        notice: `已重新发送验证码至 ${maskPhone(pending.phone)}，之前的验证码作废。`,
      });
    }),
  ];
}

function pendingMinutes(expiresAt: Date): string {
  const minutes = Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 60_000));
  return `${minutes} 分钟`;
}
