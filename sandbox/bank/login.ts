/**
 * The platform's login: user name, password and the slider CAPTCHA. The slider is verified on its own (XHR)
 * and leaves a one-time ticket in the session that the login form must carry; a failed login asks for a new
 * slider, as bank portals do.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { html } from '../kit/html/escape.ts';
import { formItem, textInput } from '../kit/html/widgets.ts';
import { type LoginFormState, logInWithPassword, renderLogin, safeNext } from '../kit/login-page.ts';
import type { PortalContext } from '../kit/portal.ts';
import {
  newPuzzle,
  PIECE_WIDTH,
  renderPuzzle,
  SLIDER_HEIGHT,
  SLIDER_WIDTH,
  type SliderPuzzle,
  sliderMatches,
} from './slider.ts';

/** What the session keeps of the slider: the puzzle on screen, or the ticket it gave once solved. */
interface SliderState {
  puzzle?: SliderPuzzle;
  ticket?: string;
}

const PUZZLE_VALID_MS = 2 * 60_000;

/** The slider state kept in a session's data. */
export const sliderState = (data: Record<string, unknown> | undefined): SliderState =>
  (data?.slider as SliderState | undefined) ?? {};
const sliderOf = (req: Request): SliderState => sliderState(req.portalSession?.data);

function sliderWidget(error?: string): ReturnType<typeof html> {
  return html`<div class="bk-slider" data-api="/api/slider" style="--w:${SLIDER_WIDTH}px;--h:${SLIDER_HEIGHT}px;--pw:${PIECE_WIDTH}px">
<input type="hidden" name="hkpz" value="">
<div class="bk-slider__stage"><img class="bk-slider__bg" alt="拼图背景"><img class="bk-slider__piece" alt="拼图块"><button type="button" class="bk-slider__refresh" title="换一张">↻</button></div>
<div class="bk-slider__track"><div class="bk-slider__fill"></div><div class="bk-slider__handle" role="slider" aria-label="拖动滑块" aria-valuemin="0" aria-valuemax="${SLIDER_WIDTH}" aria-valuenow="0" tabindex="0">→</div><span class="bk-slider__text">向右拖动滑块完成拼图</span></div>
<div class="k-form-item__error bk-slider__error" role="alert">${error ?? ''}</div>
</div>`;
}

function page(ctx: PortalContext, req: Request, options: LoginFormState & { next: string }): string {
  const errors = options.errors ?? {};
  return renderLogin(ctx, req, {
    title: '企业用户登录',
    expired: options.expired,
    body: html`<div class="bk-login">
<div class="bk-login__hero"><h2>企业开户，预约先行</h2><ul><li>线上填报开户信息，网点现场一次办结</li><li>支持工、农、中、建、兴业及本地农商银行</li><li>预约成功即预分配基本存款账户账号</li></ul></div>
<form class="bk-login__form" method="post" action="/login" novalidate>
<div class="bk-login__title">企业用户登录</div>
<input type="hidden" name="next" value="${options.next}">
${formItem({ label: '用户名', required: true, forName: 'yhm', error: errors.yhm, control: textInput({ name: 'yhm', value: options.username, placeholder: '请输入用户名', autocomplete: 'username' }) })}
${formItem({ label: '登录密码', required: true, forName: 'dlmm', error: errors.dlmm, control: textInput({ name: 'dlmm', type: 'password', placeholder: '请输入登录密码', autocomplete: 'current-password' }) })}
${formItem({ label: '安全验证', required: true, control: sliderWidget(errors.hkpz) })}
<div class="k-actions"><button class="k-btn k-btn--primary bk-login__submit" type="submit">登 录</button></div>
</form></div>`,
  });
}

export function loginRouter(ctx: PortalContext): Router {
  const router = express.Router();
  router.get('/login', (req, res) => {
    res.send(page(ctx, req, { next: safeNext(req.query.next), expired: req.query.expired === '1' }));
  });

  /** A new puzzle for this browser; the pictures come as data URLs. */
  router.get('/api/slider', (req, res) => {
    const session = ctx.sessions.ensure(req, res);
    const puzzle = newPuzzle(ctx.now().getTime());
    session.data.slider = { puzzle } satisfies SliderState;
    const { background, piece } = renderPuzzle(puzzle);
    res.set('Cache-Control', 'no-store').json({
      ok: true,
      background: `data:image/png;base64,${background.toString('base64')}`,
      piece: `data:image/png;base64,${piece.toString('base64')}`,
    });
  });

  router.post('/api/slider/verify', (req, res) => {
    const session = req.portalSession;
    const state = sliderOf(req);
    const x = Number((req.body as { x?: unknown } | undefined)?.x);
    const puzzle = state.puzzle;
    if (!session || !puzzle || ctx.now().getTime() - puzzle.issuedAt > PUZZLE_VALID_MS) {
      return void res.json({ ok: false, message: '验证已过期，请重新拖动滑块' });
    }
    // One try per picture: a miss shows a new one.
    if (!sliderMatches(puzzle, x)) {
      session.data.slider = {} satisfies SliderState;
      return void res.json({ ok: false, message: '拼图未对齐，请重新验证' });
    }
    const ticket = randomBytes(12).toString('base64url');
    session.data.slider = { ticket } satisfies SliderState;
    res.json({ ok: true, ticket, message: '验证通过' });
  });

  router.post('/login', (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const next = safeNext(body.next);
    const username = (body.yhm ?? '').trim();
    const errors: Record<string, string> = {};
    if (!username) errors.yhm = '请输入用户名';
    if (!body.dlmm) errors.dlmm = '请输入登录密码';
    const ticket = sliderOf(req).ticket;
    if (!ticket || body.hkpz !== ticket) errors.hkpz = '请先完成滑块安全验证';
    if (req.portalSession) req.portalSession.data.slider = {};
    if (Object.keys(errors).length === 0) {
      if (logInWithPassword(ctx, req, res, username, body.dlmm ?? '')) return void res.redirect(303, next);
      errors.dlmm = '用户名或登录密码错误';
    }
    res.send(page(ctx, req, { next, username, errors }));
  });
  return router;
}
