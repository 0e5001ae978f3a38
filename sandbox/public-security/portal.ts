import type { Request, Response } from 'express';
import { type Body, MOBILE, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { labelOf } from '../kit/html/widgets.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { referenceNumber } from '../kit/references.ts';
import { SMS_CHECK_MESSAGES } from '../kit/sms.ts';
import { ENGRAVERS, engraversIn } from './engravers.ts';
import { checkFiling, registeredUnit, type SealRow } from './filing.ts';
import { filingForm } from './form.ts';
import { itemId } from './form-manifest.ts';
import { SEAL_TYPES } from './lists.ts';

const SMS_PURPOSE = '公章刻制备案';

/** 备案编码: the unit's district (6 digits) and a 7-digit serial of the bureau, one per seal. */
function filingCode(ctx: PortalContext, regionCode: string): string {
  const base = ctx.store.keptRandom('filingSerialBase', 1_000_000, 5_000_000);
  return `${regionCode}${String(base + ctx.store.nextSequence('filing')).padStart(7, '0')}`;
}

function showForm(
  ctx: PortalContext,
  req: Request,
  res: Response,
  values: Body,
  errors: Record<string, string>,
) {
  const unit = registeredUnit(ctx, str(values, 'tyshxydm').toUpperCase());
  const engravers = unit ? engraversIn(unit.regionCode) : [];
  res.send(
    ctx.render(req, {
      title: '公章刻制备案申请',
      active: '/seal/apply',
      body: filingForm({ values, errors, engravers }),
    }),
  );
}

function file(ctx: PortalContext, req: Request, res: Response): void {
  const body = { ...(req.body as Body) };
  const checked = checkFiling(body, ctx);
  const { errors } = checked;
  // The code is checked (and used up) only once the rest is right, so a typo elsewhere does not burn it.
  if (Object.keys(errors).length === 0) {
    const result = ctx.sms.verify(str(body, 'jbr_sjhm'), SMS_PURPOSE, str(body, 'dxyzm'));
    if (result !== 'ok') errors.dxyzm = SMS_CHECK_MESSAGES[result];
  }
  if (Object.keys(errors).length > 0 || !checked.company) {
    showForm(ctx, req, res, body, errors);
    return;
  }
  const company = checked.company;
  const seals = checked.seals.map((seal: SealRow) => ({
    ...seal,
    filingCode: filingCode(ctx, company.regionCode),
  }));
  const reference = referenceNumber('BA', ctx.store.nextSequence('filingNo'), 6, ctx.now());
  fileAndShowReceipt(ctx, req, res, {
    reference,
    company: company.name,
    creditCode: company.creditCode,
    status: 'done',
    statusText: '已备案',
    requests: [{ path: req.path, receivedAt: ctx.now().toISOString(), body }],
    files: {},
    fields: checked.fields,
    receipt: {
      filingNo: reference,
      filingCodes: seals.map((seal) => `${labelOf(SEAL_TYPES, seal.type)} ${seal.filingCode}`).join('；'),
      seals: seals.map((seal) => ({ type: seal.type, filingCode: seal.filingCode })),
    },
  });
}

/**
 * 公章刻制备案 (漳州市公安局 印章治安管理信息系统). Kit login with the bureau's own account; one form with seal
 * rows; the unit must be registered with market regulation; an SMS code sent to the 经办人's phone must be
 * typed before the filing is accepted; each seal gets a 13-digit 备案编码 at once.
 */
export const publicSecurityPortal: PortalDefinition = {
  id: 'public-security',
  item: itemId,
  itemName: '公章刻制备案',
  cookieName: 'GAJ_JSESSIONID',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Gaj#2025yj', displayName: '一键办（窗口代办）' }],
  smsSender: '漳州市公安局',
  receiptLabels: { filingNo: '备案受理号', filingCodes: '印章备案编码' },
  chrome: {
    department: '漳州市公安局',
    systemName: '印章治安管理信息系统 · 公章刻制备案',
    primary: '#163d7a',
    hotline: '治安管理支队：0596-2592110',
    nav: [
      { href: '/', label: '首页' },
      { href: '/seal/apply', label: '公章刻制备案' },
      { href: '/query', label: '备案查询' },
    ],
    footer: '漳州市公安局治安管理支队',
    scripts: ['/static/seal.js'],
    styles: ['/static/seal.css'],
  },
  home: {
    title: '公章刻制备案',
    body: html`<div class="ps-notice"><b>办理须知：</b>新设立企业取得营业执照后，可在本系统申请刻制单位公章、财务专用章、发票专用章、合同专用章和法定代表人名章。印文须与营业执照登记名称一致，提交前须通过经办人手机短信验证。</div>
<table class="k-table"><thead><tr><th>事项名称</th><th>办理依据</th><th>收费</th><th>办结时限</th><th>操作</th></tr></thead><tbody>
<tr><td>公章刻制备案（新办企业）</td><td>《印章业治安管理办法》</td><td>不收费（刻制费用由刻章企业收取）</td><td>即时办结</td><td><a class="k-btn k-btn--primary" href="/seal/apply">在线办理</a> <a class="k-btn" href="/query">备案查询</a></td></tr>
</tbody></table>`,
  },
  receiptPage: {
    title: '公章刻制备案回执',
    extra(submission) {
      const seals = (submission.fields.seals ?? []) as SealRow[];
      const codes = (submission.receipt.seals ?? []) as { filingCode: string }[];
      // Where the applicant collects the seals: the engraver's name and its address, as cells to read.
      const engraver = String(submission.fields.engravingCompany ?? '');
      const engraverAddress = ENGRAVERS.find((e) => e.name === engraver)?.address ?? '';
      return html`<table class="k-table ps-seals"><thead><tr><th>序号</th><th>印章类型</th><th>印文</th><th>材质</th><th>规格</th><th>数量</th><th>备案编码</th></tr></thead><tbody>${seals.map(
        (seal, i) =>
          html`<tr><td>${i + 1}</td><td>${labelOf(SEAL_TYPES, seal.type)}</td><td class="ps-seal-text">${seal.text}</td><td>${seal.material}</td><td>${seal.size}</td><td>${seal.quantity}</td><td class="ps-filing-code">${codes[i]?.filingCode ?? ''}</td></tr>`,
      )}</tbody></table>
<table class="k-grid ps-pickup"><tr><th>刻章企业</th><td>${engraver}</td><th>刻章企业地址</th><td>${engraverAddress}</td></tr>
<tr><th>领取方式</th><td colspan="3">${submission.fields['pickup.method'] === '2' ? `邮寄（${String(submission.fields['pickup.address'] ?? '')}）` : '到刻章企业自取'}</td></tr></table>`;
    },
  },
  mount(router, ctx) {
    router.get('/seal/apply', ctx.requireLogin, (req, res) => showForm(ctx, req, res, {}, {}));
    router.post('/seal/apply', ctx.requireLogin, (req, res) => file(ctx, req, res));

    // The engraving companies of the unit's district, once its credit code is typed.
    router.get('/api/kzqy', ctx.requireLogin, (req, res) => {
      const code = typeof req.query.tyshxydm === 'string' ? req.query.tyshxydm.trim().toUpperCase() : '';
      const unit = registeredUnit(ctx, code);
      if (!unit) return void res.json({ ok: false, message: '未查询到该单位的工商登记信息' });
      const items = engraversIn(unit.regionCode).map((e) => ({
        value: e.id,
        label: e.name,
        address: e.address,
      }));
      res.json({ ok: true, items });
    });
    router.post('/api/sms', ctx.requireLogin, (req, res) => {
      const phone = typeof req.body?.phone === 'string' ? req.body.phone.trim() : '';
      if (!MOBILE.test(phone)) return void res.json({ ok: false, message: '经办人手机号码格式不正确' });
      ctx.sms.send(phone, SMS_PURPOSE);
      res.json({ ok: true, message: '验证码已发送至经办人手机' });
    });
  },
};
