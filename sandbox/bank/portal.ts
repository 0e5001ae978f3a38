import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { type Body, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { referenceNumber } from '../kit/references.ts';
import { branchChoices, checkAppointment } from './appointment.ts';
import { accountNumber, branchById } from './banks.ts';
import { appointmentForm, slotTiles } from './form.ts';
import { itemId } from './form-manifest.ts';
import { loginRouter, sliderState } from './login.ts';
import { SLIDER_TOLERANCE } from './slider.ts';
import {
  availability,
  bookableDates,
  fullSlotSchema,
  fullSlots,
  fullSlotsSchema,
  setFullSlots,
  setSlotTakenAtNextCheck,
  takeSlotIfArranged,
} from './slots.ts';

/** What 校验 approved: the digest of the form as checked. Submitting anything else needs a new 校验. */
interface CheckedForm {
  digest: string;
  token: string;
}

function digest(body: Body): string {
  const entries = Object.keys(body)
    .filter((name) => name !== 'jyToken')
    .sort()
    .map((name) => [name, body[name]]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** The bank's next account serial; starts at a random point so two sandboxes do not hand out the same numbers. */
function accountSerial(ctx: PortalContext, bankCode: string): number {
  const base = ctx.store.keptRandom('accountSerialBase', 10_000_000, 90_000_000);
  return base + ctx.store.nextSequence(`account-${bankCode}`) * 7;
}

function showForm(
  ctx: PortalContext,
  req: Request,
  res: Response,
  values: Body,
  errors: Record<string, string>,
) {
  const branch = str(values, 'branchNo');
  const date = str(values, 'apptDate');
  const slots =
    branch && date && bookableDates(ctx.now()).includes(date) ? availability(ctx, branch, date) : [];
  res.send(
    ctx.render(req, {
      title: '单位银行结算账户预约开户',
      active: '/appointment',
      body: appointmentForm({
        values,
        errors,
        branches: branchChoices(values).branches,
        slots,
        dates: bookableDates(ctx.now()),
      }),
    }),
  );
}

function book(ctx: PortalContext, req: Request, res: Response): void {
  const body = { ...(req.body as Body) };
  const session = req.portalSession;
  const checked = session?.data.checked as CheckedForm | undefined;
  if (session) delete session.data.checked;
  if (!checked || checked.token !== str(body, 'jyToken') || checked.digest !== digest(body)) {
    showForm(ctx, req, res, body, { jyToken: '请先点击“校验”，校验通过后再提交' });
    return;
  }
  const result = checkAppointment(body, ctx);
  const { bank, branch, company } = result;
  if (Object.keys(result.errors).length > 0 || !bank || !branch || !company) {
    showForm(ctx, req, res, body, result.errors);
    return;
  }
  const sequence = ctx.store.nextSequence('appointment');
  const reference = referenceNumber('YY', sequence, 5, ctx.now());
  const accountNo = accountNumber(bank, branch, accountSerial(ctx, bank.code));
  fileAndShowReceipt(ctx, req, res, {
    reference,
    company: company.name,
    creditCode: company.creditCode,
    status: 'booked',
    statusText: '预约成功',
    requests: [{ path: req.path, receivedAt: ctx.now().toISOString(), body }],
    files: {},
    fields: result.fields,
    receipt: { appointmentNo: reference, accountNo, bankName: branch.name },
  });
}

/**
 * 银行预约开户 on the 中国人民银行漳州市分行 单位银行账户预约开户服务平台: a slider CAPTCHA on login; banks and their
 * branches in the district of the registered address (loaded as the address and bank are chosen); a day on a
 * calendar and a slot that can be full; beneficial owners; a 校验 that must pass before 提交 enables. The
 * result is a 预约号 and a pre-assigned account number of the chosen bank.
 */
export const bankPortal: PortalDefinition = {
  id: 'bank',
  item: itemId,
  itemName: '单位银行结算账户预约开户',
  cookieName: 'YYKH_SESSION',
  login: 'custom',
  accounts: [{ username: 'yijian', password: 'Bank#2025yj', displayName: '一键办企业服务' }],
  receiptLabels: { appointmentNo: '预约号', accountNo: '预分配账号', bankName: '开户网点' },
  chrome: {
    department: '中国人民银行漳州市分行',
    systemName: '单位银行账户预约开户服务平台',
    primary: '#0a6e7d',
    hotline: '客服热线：0596-2026000',
    nav: [
      { href: '/', label: '首页' },
      { href: '/appointment', label: '预约开户' },
      { href: '/query', label: '我的预约' },
    ],
    footer: '中国人民银行漳州市分行　漳州市银行业协会',
    scripts: ['/static/slider.js', '/static/bank.js'],
    styles: ['/static/bank.css'],
  },
  home: {
    title: '企业开户预约',
    body: html`<div class="bk-home"><div class="bk-home__card"><h3>预约开户</h3><p>新设立企业在线填写开户信息、选择银行网点和时间，到网点一次办结，当场启用账户。</p><a class="k-btn k-btn--primary" href="/appointment">立即预约</a></div>
<div class="bk-home__card"><h3>我的预约</h3><p>查询预约进度、预约号和预分配账号，打印预约回执。</p><a class="k-btn" href="/query">查询预约</a></div>
<div class="bk-home__card"><h3>办理须知</h3><p>法定代表人须本人到场并携带身份证原件、营业执照正本；受益所有人信息须如实填写。</p></div></div>`,
  },
  receiptPage: {
    title: '预约回执',
    extra(submission) {
      const branch = branchById(String(submission.raw.branchNo ?? ''));
      const f = submission.fields;
      return html`<table class="k-grid bk-receipt-extra"><tr><th>开户银行</th><td>${String(f.bank)}</td><th>账户类型</th><td>${String(f.accountType)}</td></tr>
<tr><th>预约时间</th><td class="bk-when">${String(f['appointment.date'])} ${String(f['appointment.slot'])}</td><th>网点地址</th><td>${branch?.address ?? ''}</td></tr></table>
<p class="bk-remind">温馨提示：请法定代表人于预约时间携带本人身份证原件、营业执照正本及公章、财务专用章、法定代表人名章到网点办理。预分配账号在开户手续完成后生效。</p>`;
    },
  },
  mount(router, ctx) {
    router.use(loginRouter(ctx));
    router.get('/appointment', ctx.requireLogin, (req, res) => showForm(ctx, req, res, {}, {}));
    router.post('/appointment', ctx.requireLogin, (req, res) => book(ctx, req, res));

    router.get('/api/branches', ctx.requireLogin, (req, res) => {
      const query = { bankCode: String(req.query.bankCode ?? ''), regAddr: String(req.query.regAddr ?? '') };
      const { branches, district } = branchChoices(query);
      if (!district) return void res.json({ ok: false, message: '请先填写完整的注册地址（含省、市、区县）' });
      res.json({
        ok: true,
        district,
        items: branches.map((b) => ({ value: b.id, label: b.name, address: b.address })),
      });
    });
    router.get('/api/slots', ctx.requireLogin, (req, res) => {
      const branch = branchById(String(req.query.branchNo ?? ''));
      const date = String(req.query.date ?? '');
      if (!branch) return void res.json({ ok: false, message: '请先选择开户网点' });
      if (!bookableDates(ctx.now()).includes(date)) {
        return void res.json({ ok: false, message: '该日期不可预约，请选择明天起14天内的工作日' });
      }
      const slots = availability(ctx, branch.id, date);
      res.json({ ok: true, slots, html: slotTiles(slots, '').value });
    });
    router.post('/api/check', ctx.requireLogin, (req, res) => {
      const body = { ...(req.body as Body) };
      const chosen = fullSlotSchema.safeParse({
        slot: str(body, 'apptPeriod'),
        date: str(body, 'apptDate'),
        branch: str(body, 'branchNo'),
      });
      if (chosen.success) takeSlotIfArranged(ctx, chosen.data);
      const { errors } = checkAppointment(body, ctx);
      if (Object.keys(errors).length > 0) return void res.json({ ok: false, errors });
      const token = randomBytes(9).toString('base64url');
      if (req.portalSession)
        req.portalSession.data.checked = { digest: digest(body), token } satisfies CheckedForm;
      res.json({ ok: true, token, message: '校验通过，请确认信息无误后提交' });
    });
  },
  control(router, ctx) {
    router.get('/slots', (_req, res) => void res.json({ full: fullSlots(ctx) }));
    router.put('/slots', (req, res) => {
      const parsed = fullSlotsSchema.safeParse(req.body);
      if (!parsed.success)
        return void res
          .status(400)
          .json({ ok: false, message: '约满时段设置不正确', issues: parsed.error.issues });
      setFullSlots(ctx, parsed.data.full);
      res.json({ ok: true, full: parsed.data.full });
    });
    router.put('/slots/taken-at-next-check', (_req, res) => {
      setSlotTakenAtNextCheck(ctx, true);
      res.json({ ok: true });
    });
    // The gap of the slider a browser is looking at (by its session cookie), so tests can drag like a person.
    router.get('/slider', (req, res) => {
      const puzzle = sliderState(ctx.sessions.byId(String(req.query.session ?? ''))?.data).puzzle;
      if (!puzzle) return void res.status(404).json({ ok: false, message: '该会话没有待验证的滑块' });
      res.json({ gapX: puzzle.gapX, gapY: puzzle.gapY, tolerance: SLIDER_TOLERANCE });
    });
  },
};
