/** Steps 2–4 of the 新办纳税人 flow: 增值税一般纳税人登记, 发票票种核定, 存款账户账号报告. */
import { type Errors, list, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { checkboxGroup, divSelect, formItem, labelOf, radioGroup, textInput } from '../kit/html/widgets.ts';
import { oneOf, required } from './checks.ts';
import { ACCOUNT_NATURES, boolOf, INVOICE_TYPES, MAIN_BUSINESS, YES_NO } from './lists.ts';
import type { TaxStep } from './step.ts';

export const vatStep: TaxStep = {
  no: 2,
  title: '增值税一般纳税人登记',
  render({ values, errors }) {
    const v = (name: string) => str(values, name);
    return html`<div class="tx-tip">年应税销售额未超过500万元的纳税人，会计核算健全、能够提供准确税务资料的，可以选择登记为一般纳税人。选择“是”须同时选择主营业务类别。</div>
<div class="k-form">
${formItem({ label: '是否登记为增值税一般纳税人', required: true, forName: 'sfdjybnsr', error: errors.sfdjybnsr, wide: true, control: radioGroup({ name: 'sfdjybnsr', options: YES_NO, value: v('sfdjybnsr') }) })}
${formItem({ label: '主营业务类别', required: true, forName: 'zyywlb', error: errors.zyywlb, showWhen: 'sfdjybnsr=Y', control: divSelect({ name: 'zyywlb', options: MAIN_BUSINESS, value: v('zyywlb'), placeholder: '请选择主营业务类别' }) })}
</div>`;
  },
  validate(body) {
    const errors: Errors = {};
    const general = str(body, 'sfdjybnsr');
    oneOf(errors, 'sfdjybnsr', general, '是否登记为增值税一般纳税人', YES_NO);
    if (general === 'Y') oneOf(errors, 'zyywlb', str(body, 'zyywlb'), '主营业务类别', MAIN_BUSINESS);
    return errors;
  },
  normalise(body) {
    const general = boolOf(str(body, 'sfdjybnsr'));
    const category = labelOf(MAIN_BUSINESS, str(body, 'zyywlb'));
    return { generalTaxpayer: general, ...(general === '1' ? { mainBusinessCategory: category ?? '' } : {}) };
  },
};

export const invoiceStep: TaxStep = {
  no: 3,
  title: '发票票种核定',
  render({ values, errors }) {
    return html`<div class="tx-tip">数电发票无需领用，开票额度由系统根据纳税人风险程度动态调整。</div>
<div class="k-form">
${formItem({ label: '票种', required: true, forName: 'fpzl', error: errors.fpzl, wide: true, hint: '可多选', control: checkboxGroup({ name: 'fpzl', options: INVOICE_TYPES, values: list(values, 'fpzl') }) })}
${formItem({ label: '是否申领税务UKey', required: true, forName: 'sfslukey', error: errors.sfslukey, wide: true, hint: '税务UKey用于增值税发票综合服务平台登录及签章，首次免费发放', control: radioGroup({ name: 'sfslukey', options: YES_NO, value: str(values, 'sfslukey') }) })}
</div>`;
  },
  validate(body) {
    const errors: Errors = {};
    const chosen = list(body, 'fpzl');
    if (chosen.length === 0) errors.fpzl = '票种为必填项，请至少选择一种';
    else if (chosen.some((code) => !labelOf(INVOICE_TYPES, code))) errors.fpzl = '票种的取值不在代码表中';
    oneOf(errors, 'sfslukey', str(body, 'sfslukey'), '是否申领税务UKey', YES_NO);
    return errors;
  },
  normalise(body) {
    const chosen = list(body, 'fpzl');
    return {
      invoiceTypes: INVOICE_TYPES.filter((type) => chosen.includes(type.value)).map((type) => type.label),
      taxUkey: boolOf(str(body, 'sfslukey')),
    };
  },
};

export const depositStep: TaxStep = {
  no: 4,
  title: '存款账户账号报告',
  render({ values, errors }) {
    const v = (name: string) => str(values, name);
    return html`<div class="tx-tip">纳税人应自开立基本存款账户或者其他存款账户之日起15日内，向主管税务机关书面报告其全部账号。</div>
<div class="k-form">
${formItem({ label: '开户银行', required: true, forName: 'khyhmc', error: errors.khyhmc, wide: true, hint: '填写开户银行及网点全称', control: textInput({ name: 'khyhmc', value: v('khyhmc'), maxLength: 80 }) })}
${formItem({ label: '账号', required: true, forName: 'yhzh', error: errors.yhzh, control: textInput({ name: 'yhzh', value: v('yhzh'), maxLength: 32 }) })}
${formItem({ label: '账户性质', required: true, forName: 'zhxz', error: errors.zhxz, control: divSelect({ name: 'zhxz', options: ACCOUNT_NATURES, value: v('zhxz'), placeholder: '请选择账户性质' }) })}
</div>`;
  },
  validate(body) {
    const errors: Errors = {};
    required(errors, 'khyhmc', str(body, 'khyhmc'), '开户银行');
    const account = str(body, 'yhzh');
    if (required(errors, 'yhzh', account, '账号') && !/^\d{8,32}$/.test(account)) {
      errors.yhzh = '账号应为8至32位数字';
    }
    oneOf(errors, 'zhxz', str(body, 'zhxz'), '账户性质', ACCOUNT_NATURES);
    return errors;
  },
  normalise(body) {
    return {
      'depositAccount.bank': str(body, 'khyhmc'),
      'depositAccount.accountNo': str(body, 'yhzh'),
      'depositAccount.nature': labelOf(ACCOUNT_NATURES, str(body, 'zhxz')) ?? '',
    };
  },
};
