import { type Body, type Errors, isRealDate, list, str } from '../../kit/body.ts';
import { html, type SafeHtml } from '../../kit/html/escape.ts';
import {
  dateInput,
  divSelect,
  formItem,
  type Option,
  repeatingRows,
  rowFrame,
  textInput,
  wordOptions,
} from '../../kit/html/widgets.ts';
import { chinaDate } from '../../kit/references.ts';
import { CONTRIBUTION_METHODS, LLC_TYPES } from '../lists.ts';
import { DECIMAL, required } from './checks.ts';
import { type Draft, rowsOf, stepBody } from './draft.ts';
import type { WizardStep } from './step.ts';

/** Names of the members marked 股东 in step 3, in row order. */
export function shareholderNames(draft: Draft): string[] {
  const members = stepBody(draft, 3);
  return rowsOf(members, 'ry')
    .filter((row) => list(members, row.name('zw')).includes('股东'))
    .map((row) => str(members, row.name('xm')));
}

function contributionRow(
  index: number | '__i__',
  values: Body,
  errors: Errors,
  shareholders: readonly Option[],
): SafeHtml {
  const n = (key: string) => `cz[${index}][${key}]`;
  const v = (key: string) => str(values, n(key));
  const item = (label: string, key: string, control: SafeHtml) =>
    formItem({ label, forName: n(key), error: errors[n(key)], required: true, control });
  return rowFrame(
    '出资',
    index,
    html`<div class="k-form">
${item('股东名称', 'gdmc', divSelect({ name: n('gdmc'), options: shareholders, value: v('gdmc'), placeholder: '请选择股东' }))}
${item('认缴出资额（万元）', 'rjcze', textInput({ name: n('rjcze'), value: v('rjcze'), placeholder: '单位：万元' }))}
${item('出资方式', 'czfs', divSelect({ name: n('czfs'), options: CONTRIBUTION_METHODS, value: v('czfs') || '货币' }))}
${item('出资比例（%）', 'czbl', textInput({ name: n('czbl'), value: v('czbl'), placeholder: '如：60' }))}
${item('认缴出资期限', 'rjczqx', dateInput({ name: n('rjczqx'), value: v('rjczqx') }))}
</div>`,
  );
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function validate(body: Body, draft: Draft, today = new Date()): Errors {
  const errors: Errors = {};
  const capital = Number(str(stepBody(draft, 1), 'zczb'));
  const type = str(stepBody(draft, 1), 'qylx');
  const shareholders = shareholderNames(draft);
  const rows = rowsOf(body, 'cz');
  if (rows.length === 0) {
    errors.cz = '请填写股东出资信息';
    return errors;
  }
  let amountSum = 0;
  let ratioSum = 0;
  const named: string[] = [];
  const latest = new Date(today);
  latest.setFullYear(latest.getFullYear() + 5);
  for (const row of rows) {
    const n = row.name;
    const name = str(body, n('gdmc'));
    if (required(errors, n('gdmc'), name, '股东名称', '选择')) {
      if (!shareholders.includes(name)) errors[n('gdmc')] = '股东名称应为“人员信息”中的股东';
      else if (named.includes(name)) errors[n('gdmc')] = '同一股东只能填写一条出资信息';
      named.push(name);
    }
    const amount = str(body, n('rjcze'));
    if (required(errors, n('rjcze'), amount, '认缴出资额')) {
      if (!DECIMAL.test(amount) || Number(amount) <= 0) errors[n('rjcze')] = '认缴出资额应为大于0的数字';
      else amountSum += Number(amount);
    }
    required(errors, n('czfs'), str(body, n('czfs')), '出资方式', '选择');
    const ratio = str(body, n('czbl'));
    if (required(errors, n('czbl'), ratio, '出资比例')) {
      if (!DECIMAL.test(ratio) || Number(ratio) <= 0 || Number(ratio) > 100)
        errors[n('czbl')] = '出资比例应为0到100之间的数字';
      else {
        ratioSum += Number(ratio);
        if (
          DECIMAL.test(amount) &&
          capital > 0 &&
          Math.abs((Number(amount) / capital) * 100 - Number(ratio)) > 0.01
        ) {
          errors[n('czbl')] = `出资比例与认缴出资额不符（应为 ${round((Number(amount) / capital) * 100)}%）`;
        }
      }
    }
    const deadline = str(body, n('rjczqx'));
    if (required(errors, n('rjczqx'), deadline, '认缴出资期限', '选择')) {
      if (!isRealDate(deadline)) errors[n('rjczqx')] = '认缴出资期限不正确';
      else if (deadline < chinaDate(today)) errors[n('rjczqx')] = '认缴出资期限不能早于今天';
      else if (LLC_TYPES.has(type) && deadline > chinaDate(latest)) {
        errors[n('rjczqx')] = '有限责任公司股东认缴出资期限不得超过公司成立之日起五年';
      }
    }
  }
  const missing = shareholders.filter((name) => !named.includes(name));
  if (missing.length) errors.cz = `以下股东尚未填写出资信息：${missing.join('、')}`;
  else if (Object.keys(errors).length === 0 && round(amountSum) !== round(capital)) {
    errors.cz = `认缴出资额合计（${round(amountSum)} 万元）与注册资本（${round(capital)} 万元）不一致`;
  } else if (Object.keys(errors).length === 0 && round(ratioSum) !== 100) {
    errors.cz = `出资比例合计应为100%（当前 ${round(ratioSum)}%）`;
  }
  return errors;
}

export const capitalStep: WizardStep = {
  no: 4,
  title: '出资信息',
  validate: (body, draft) => validate(body, draft),
  render({ values, errors, draft }) {
    const shareholders = wordOptions(shareholderNames(draft));
    const rows = rowsOf(values, 'cz');
    const indexes = rows.length ? rows.map((row) => row.index) : shareholders.map((_, i) => i);
    const prefilled: Body = rows.length
      ? values
      : Object.fromEntries(shareholders.map((s, i) => [`cz[${i}][gdmc]`, s.value]));
    const capital = str(stepBody(draft, 1), 'zczb');
    return html`<div class="k-alert k-alert--info">注册资本：<b>${capital}</b> 万元。各股东认缴出资额合计应等于注册资本，出资比例合计应为 100%。</div>
${errors.cz ? html`<div class="k-alert k-alert--error" role="alert">${errors.cz}</div>` : ''}
${repeatingRows({
  rows: (indexes.length ? indexes : [0]).map((index) =>
    contributionRow(index, prefilled, errors, shareholders),
  ),
  template: contributionRow('__i__', {}, {}, shareholders),
  addLabel: '添加出资',
  min: 1,
})}`;
  },
};
