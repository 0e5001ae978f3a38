import { type Body, type Errors, need, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { dateInput, formItem, textInput } from '../kit/html/widgets.ts';
import { chinaDate } from '../kit/references.ts';
import type { Draft, WizardStep } from './draft.ts';

const RATE = /^(5|6|7|8|9|10|11|12)$/;

/** yyyyMM of a real month. */
const isMonth = (value: string) => /^\d{4}(0[1-9]|1[0-2])$/.test(value);

/** yyyyMM of the month after `date` (China time). */
function nextMonth(date: Date): string {
  const [y, m] = chinaDate(date).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}01` : `${y}${String(m + 1).padStart(2, '0')}`;
}

function validate(body: Body, draft: Draft, ctx: Parameters<WizardStep['validate']>[2]): Errors {
  const errors: Errors = {};
  const employees = need(errors, body, 'zgrs', '职工人数不能为空');
  if (employees && (!/^\d{1,6}$/.test(employees) || Number(employees) < 1)) {
    errors.zgrs = '职工人数须为大于0的整数';
  }
  const month = need(errors, body, 'qjny', '请选择启缴年月');
  const established = draft.unit?.establishedDate.slice(0, 7).replace('-', '') ?? '';
  if (month && !isMonth(month)) errors.qjny = '启缴年月格式应为yyyyMM';
  else if (month && established && month < established) {
    errors.qjny = `启缴年月不得早于单位成立年月（${established}）`;
  } else if (month && month > nextMonth(ctx.now())) errors.qjny = '启缴年月最晚只能选择下月';
  const base = need(errors, body, 'yjcgzjs', '月缴存工资基数总额不能为空');
  if (base && (!/^\d{1,12}(\.\d{1,2})?$/.test(base) || Number(base) <= 0)) {
    errors.yjcgzjs = '月缴存工资基数总额须为大于0的金额（最多两位小数）';
  }
  for (const [name, label] of [
    ['dwjcbl', '单位缴存比例'],
    ['grjcbl', '个人缴存比例'],
  ] as const) {
    const rate = need(errors, body, name, `${label}不能为空`);
    if (rate && !RATE.test(rate)) errors[name] = `${label}须为5%至12%之间的整数`;
  }
  const payday = need(errors, body, 'fxr', '发薪日不能为空');
  if (payday && (!/^\d{1,2}$/.test(payday) || Number(payday) < 1 || Number(payday) > 31)) {
    errors.fxr = '发薪日须为1至31之间的整数';
  }
  need(errors, body, 'wtskyh', '委托收款开户银行不能为空');
  const account = need(errors, body, 'wtskzh', '委托收款账号不能为空');
  if (account && !/^\d{8,30}$/.test(account)) errors.wtskzh = '委托收款账号须为8至30位数字';
  return errors;
}

/** The first save warns when the employer's and the employees' rates differ (they should normally match). */
function warnings(body: Body): string[] {
  const employer = str(body, 'dwjcbl');
  const employee = str(body, 'grjcbl');
  if (employer === employee) return [];
  return [
    `单位缴存比例（${employer}%）与个人缴存比例（${employee}%）不一致。根据《住房公积金管理条例》，单位与职工缴存比例原则上应当一致，确需不一致的须经职工代表大会或工会讨论通过。`,
  ];
}

export const depositStep: WizardStep = {
  no: 2,
  title: '缴存信息',
  validate,
  warnings,
  render({ values, errors }) {
    const v = (name: string) => str(values, name);
    const text = (name: string, label: string, options: { placeholder?: string; hint?: string } = {}) =>
      formItem({
        label,
        required: true,
        forName: name,
        error: errors[name],
        ...(options.hint ? { hint: options.hint } : {}),
        control: textInput({
          name,
          value: v(name),
          ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        }),
      });
    return html`<h3 class="hf-legend">缴存信息</h3>
<div class="k-form hf-form">
${text('zgrs', '职工人数', { placeholder: '人' })}
${formItem({ label: '启缴年月', required: true, forName: 'qjny', error: errors.qjny, hint: '不得早于单位成立年月', control: dateInput({ name: 'qjny', value: v('qjny'), mode: 'month', format: 'yyyyMM', placeholder: '请选择启缴年月' }) })}
${text('yjcgzjs', '月缴存工资基数总额（元）', { placeholder: '全部职工月缴存基数之和' })}
${text('dwjcbl', '单位缴存比例（%）', { placeholder: '5-12', hint: '本市缴存比例为5%-12%' })}
${text('grjcbl', '个人缴存比例（%）', { placeholder: '5-12' })}
${text('fxr', '发薪日', { placeholder: '1-31', hint: '每月发放工资的日期' })}
</div>
<h3 class="hf-legend">委托收款</h3>
<div class="k-form hf-form">
${text('wtskyh', '委托收款开户银行', { placeholder: '单位基本存款账户开户行' })}
${text('wtskzh', '委托收款账号')}
</div>`;
  },
};
