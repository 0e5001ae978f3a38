import type { Request, Response } from 'express';
import { z } from 'zod';
import { html } from '../kit/html/escape.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { luhnCheckDigit, referenceNumber } from '../kit/references.ts';
import { savedRequests } from '../kit/wizard.ts';
import type { Draft } from './draft.ts';
import { itemId } from './form-manifest.ts';
import { UPLOAD_RULES } from './lists.ts';
import { normaliseApplication } from './normalise.ts';
import { HOME } from './pages.ts';
import { noticeSeconds } from './step-materials.ts';
import { wizardRouter } from './wizard.ts';

/** 单位公积金账号: the city (first four digits of the district), a serial and a Luhn check digit. */
function fundAccountNo(ctx: PortalContext, region: string): string {
  const body = `${region.slice(0, 4)}01${String(ctx.store.nextSequence('fundAccount')).padStart(6, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

function submitApplication(ctx: PortalContext, req: Request, res: Response, draft: Draft): void {
  const { fields, files } = normaliseApplication(draft);
  const reference = referenceNumber('GJ', ctx.store.nextSequence('reference'), 6, ctx.now());
  fileAndShowReceipt(ctx, req, res, {
    reference,
    company: String(fields.unitName),
    creditCode: String(fields.creditCode),
    status: 'done',
    statusText: '已开户',
    requests: savedRequests(draft),
    files,
    fields,
    receipt: { fundAccountNo: fundAccountNo(ctx, String(fields.region)) },
  });
}

const noticeSchema = z.object({ seconds: z.number().int().min(0).max(600) }).strict();

/**
 * 住房公积金单位缴存登记 (漳州市住房公积金中心 网上业务大厅). A three-step 开户 wizard (保存并下一步); the
 * second step's first save warns when 单位与个人缴存比例不一致 and needs 继续; 缴存比例 5–12 and 启缴年月
 * (yyyyMM, a month picker) are checked on the server; the last step takes the legal representative's ID
 * copy (by content: JPG/PNG ≤ 2 MB, PDF ≤ 5 MB) and a 承诺书 that must stay on screen for a countdown
 * before it can be accepted. Control API: PUT /__sandbox/notice {"seconds": n} sets the countdown.
 */
export const housingFundPortal: PortalDefinition = {
  id: 'housing-fund',
  item: itemId,
  itemName: '住房公积金单位缴存登记',
  cookieName: 'GJJ_WT_SID',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  uploads: UPLOAD_RULES,
  receiptLabels: { fundAccountNo: '单位公积金账号' },
  chrome: {
    department: '漳州市住房公积金中心',
    systemName: '住房公积金网上业务大厅（单位）',
    primary: '#b4541a',
    hotline: '公积金服务热线：12329',
    nav: [
      { href: '/', label: '首页' },
      { href: '/open/new', label: '单位缴存登记' },
      { href: '/query', label: '业务查询' },
    ],
    footer: '漳州市住房公积金中心',
    styles: ['/static/housing-fund.css'],
    scripts: ['/static/housing-fund.js'],
  },
  home: { title: '单位业务', body: HOME },
  receiptPage: {
    title: '开户回执',
    notFound: '未找到该业务。',
    extra(submission) {
      const f = submission.fields;
      return html`<table class="k-grid hf-receipt-extra">
<tr><th>统一社会信用代码</th><td>${String(f.creditCode ?? '')}</td></tr>
<tr><th>启缴年月</th><td>${String(f.startMonth ?? '')}</td></tr>
<tr><th>缴存比例</th><td>单位 ${String(f.employerRate ?? '')}%，个人 ${String(f.employeeRate ?? '')}%</td></tr></table>`;
    },
  },
  mount(router, ctx) {
    router.use(wizardRouter(ctx, (req, res, draft) => submitApplication(ctx, req, res, draft)));
  },
  control(router, ctx) {
    router.get('/notice', (_req, res) => void res.json({ seconds: noticeSeconds(ctx) }));
    router.put('/notice', (req, res) => {
      const parsed = noticeSchema.safeParse(req.body);
      if (!parsed.success)
        return void res.status(400).json({ ok: false, message: '承诺书阅读时间应为0至600秒的整数' });
      ctx.store.setExtra('noticeSeconds', parsed.data.seconds);
      res.json({ ok: true, seconds: parsed.data.seconds });
    });
  },
};
