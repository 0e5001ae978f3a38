/** The 确认提交 page's read-only summary of the saved steps, with the codes shown by their names. */
import { type Body, list, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import { labelOf } from '../kit/html/widgets.ts';
import type { TaxDraft } from './flow.ts';
import {
  ACCOUNT_NATURES,
  ACCOUNTING_METHODS,
  ACCOUNTING_STANDARDS,
  ID_TYPES,
  INVOICE_TYPES,
  MAIN_BUSINESS,
  YES_NO,
} from './lists.ts';

const person = (body: Body, prefix: string) =>
  `${str(body, `${prefix}_xm`)}　${labelOf(ID_TYPES, str(body, `${prefix}_zjlx`)) ?? ''} ${str(body, `${prefix}_zjhm`)}　${str(body, `${prefix}_yddh`)}`;

export function summary(draft: TaxDraft): SafeHtml {
  const b = (no: number): Body => draft.steps[no]?.body ?? {};
  const [info, vat, invoice, deposit] = [b(1), b(2), b(3), b(4)];
  const general = str(vat, 'sfdjybnsr');
  const rows: [string, string][] = [
    ['核算方式', labelOf(ACCOUNTING_METHODS, str(info, 'hsfs')) ?? ''],
    ['从业人数', str(info, 'cyrs')],
    ['适用会计制度', labelOf(ACCOUNTING_STANDARDS, str(info, 'kjzd')) ?? ''],
    ['财务负责人', person(info, 'cwfzr')],
    ['办税人', person(info, 'bsr')],
    ['是否登记为增值税一般纳税人', labelOf(YES_NO, general) ?? ''],
    ...(general === 'Y'
      ? [['主营业务类别', labelOf(MAIN_BUSINESS, str(vat, 'zyywlb')) ?? ''] as [string, string]]
      : []),
    [
      '票种',
      list(invoice, 'fpzl')
        .map((code) => labelOf(INVOICE_TYPES, code) ?? code)
        .join('、'),
    ],
    ['是否申领税务UKey', labelOf(YES_NO, str(invoice, 'sfslukey')) ?? ''],
    ['存款账户开户银行', str(deposit, 'khyhmc')],
    ['存款账户账号', str(deposit, 'yhzh')],
    ['账户性质', labelOf(ACCOUNT_NATURES, str(deposit, 'zhxz')) ?? ''],
  ];
  return html`<div class="tx-sub">办理信息汇总</div><table class="k-grid tx-summary">${rows.map(([label, value]) => html`<tr><th>${label}</th><td>${value}</td></tr>`)}</table>`;
}
