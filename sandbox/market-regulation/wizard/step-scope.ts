import { BUSINESS_SCOPE_ITEMS, INDUSTRY_DIVISIONS } from '../../../forms/codes/index.ts';
import { type Body, type Errors, str } from '../../kit/body.ts';
import { html } from '../../kit/html/escape.ts';
import { formItem, modalPicker, textArea, textInput } from '../../kit/html/widgets.ts';
import { rowsOf } from './draft.ts';
import type { WizardStep } from './step.ts';

const PICKER_ITEMS = BUSINESS_SCOPE_ITEMS.entries.map((item) => ({
  code: item.code,
  name: item.name,
  note: `${item.industryCode} ${INDUSTRY_DIVISIONS.byCode(item.division)?.name ?? ''}${item.kind === '许可' ? '（许可项目）' : ''}`,
}));

/** The chosen scope items in row order, with the 主营 flag from the `zyxm` radio. */
export function chosenScope(body: Body): { code: string; main: boolean }[] {
  const main = str(body, 'zyxm');
  return rowsOf(body, 'jyfw')
    .map((row) => str(body, row.name('code')))
    .filter((code) => code !== '')
    .map((code) => ({ code, main: code === main }));
}

/** 经营范围 text as the register prints it: the main item first, then the others, joined with "；". */
export function scopeText(chosen: readonly { code: string; main: boolean }[]): string {
  const ordered = [...chosen.filter((c) => c.main), ...chosen.filter((c) => !c.main)];
  return ordered.map((c) => BUSINESS_SCOPE_ITEMS.byCode(c.code)?.name ?? c.code).join('；');
}

function validate(body: Body): Errors {
  const errors: Errors = {};
  const chosen = chosenScope(body);
  if (chosen.length === 0) {
    errors.jyfw = '请至少选择一项经营范围';
    return errors;
  }
  const unknown = chosen.find((c) => !BUSINESS_SCOPE_ITEMS.has(c.code));
  if (unknown) errors.jyfw = `经营范围条目“${unknown.code}”不在规范表述目录中`;
  else if (new Set(chosen.map((c) => c.code)).size !== chosen.length) errors.jyfw = '经营范围条目不能重复';
  else if (chosen.filter((c) => c.main).length !== 1) errors.jyfw = '请在所选条目中指定一项主营项目';
  if (errors.jyfw) return errors;
  const text = str(body, 'jyfwms');
  if (text !== scopeText(chosen)) errors.jyfwms = '经营范围表述与所选条目不一致，请重新选择经营范围';
  else if ([...text].length > 3000) errors.jyfwms = '经营范围不能超过3000个字';
  const main = BUSINESS_SCOPE_ITEMS.byCode(chosen.find((c) => c.main)?.code ?? '');
  if (main && str(body, 'hydm') !== main.industryCode) {
    errors.hydm = `行业应与主营项目一致（主营项目“${main.name}”属于 ${main.industryCode}）`;
  }
  return errors;
}

export const scopeStep: WizardStep = {
  no: 2,
  title: '经营范围',
  validate,
  render({ values, errors }) {
    const chosen = chosenScope(values);
    const industry = INDUSTRY_DIVISIONS.byCode(str(values, 'hydm').slice(1));
    return html`<div class="k-alert k-alert--info">请点击“选择经营范围”，从《经营范围规范表述目录》中选择经营项目，并指定一项主营项目。行业根据主营项目自动确定。</div>
<div class="k-form">
${formItem({
  label: '经营范围条目',
  required: true,
  error: errors.jyfw,
  wide: true,
  control: modalPicker({
    id: 'scope-picker',
    name: 'jyfw',
    mainName: 'zyxm',
    title: '选择经营范围（规范表述）',
    buttonLabel: '选择经营范围',
    items: PICKER_ITEMS,
    chosen,
  }),
})}
${formItem({ label: '经营范围', required: true, forName: 'jyfwms', error: errors.jyfwms, wide: true, hint: '根据所选条目自动生成，主营项目在前', control: textArea({ name: 'jyfwms', value: str(values, 'jyfwms'), rows: 4, readonly: true }) })}
${formItem({ label: '行业', required: true, forName: 'hydm', error: errors.hydm, hint: industry ? `${industry.industryCode} ${industry.name}` : '根据主营项目自动确定', control: textInput({ name: 'hydm', value: str(values, 'hydm'), readonly: true, placeholder: '选择主营项目后自动填写' }) })}
</div>`;
  },
};
