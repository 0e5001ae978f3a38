/** The appointment form: company, bank and branch, day and slot, people, beneficial owners, services, 校验. */
import { type Body, type Errors, list, rowIndexes, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import {
  checkboxGroup,
  codeOptions,
  dateInput,
  divSelect,
  formItem,
  type Option,
  repeatingRows,
  rowFields,
  rowFrame,
  textInput,
} from '../kit/html/widgets.ts';
import { BANKS, type Branch } from './banks.ts';
import { ACCOUNT_TYPES, SERVICES } from './lists.ts';
import type { SlotAvailability } from './slots.ts';

function ownerRow(index: number | '__i__', values: Body, errors: Errors): SafeHtml {
  const { name, value: v, error: e } = rowFields('ubo', index, values, errors);
  return rowFrame(
    '受益所有人',
    index,
    html`<div class="k-form">
${formItem({ label: '受益所有人姓名', required: true, forName: name('name'), error: e('name'), control: textInput({ name: name('name'), value: v('name'), maxLength: 30 }) })}
${formItem({ label: '受益所有人证件号码', required: true, forName: name('idNo'), error: e('idNo'), control: textInput({ name: name('idNo'), value: v('idNo'), maxLength: 18, placeholder: '居民身份证号码' }) })}
${formItem({ label: '持股比例（%）', required: true, forName: name('ratio'), error: e('ratio'), control: textInput({ name: name('ratio'), value: v('ratio'), maxLength: 6, placeholder: '不低于25' }) })}
</div>`,
  );
}

/** The slot tiles of a branch's day; full ones cannot be chosen. */
export function slotTiles(slots: readonly SlotAvailability[], chosen: string): SafeHtml {
  if (slots.length === 0) return html`<div class="bk-slots__empty">请先选择开户网点和预约日期</div>`;
  return html`${slots.map(
    (s) =>
      html`<button type="button" class="bk-slot${s.full ? ' is-full' : ''}${s.slot === chosen && !s.full ? ' is-selected' : ''}" data-slot="${s.slot}"${s.full ? html` disabled` : ''}><span>${s.slot}</span><small>${s.full ? '已约满' : `余${s.left}`}</small></button>`,
  )}`;
}

export interface AppointmentFormView {
  values: Body;
  errors: Errors;
  branches: readonly Branch[];
  slots: readonly SlotAvailability[];
  dates: readonly string[];
}

export function appointmentForm({ values, errors, branches, slots, dates }: AppointmentFormView): SafeHtml {
  const v = (name: string) => str(values, name);
  const indexes = rowIndexes(values, 'ubo');
  const rows = (indexes.length ? indexes : [0]).map((i) => ownerRow(i, values, errors));
  const bankOptions: Option[] = codeOptions(BANKS);
  const branchOptions: Option[] = branches.map((b) => ({ value: b.id, label: b.name }));
  const accountTypes = ACCOUNT_TYPES.map(
    (t) =>
      html`<label class="k-radio${t.value === '01' ? '' : ' is-disabled'}"><input type="radio" name="acctType" value="${t.value}"${t.value === '01' ? html` checked id="f_acctType"` : html` disabled`}><span>${t.label}</span></label>`,
  );
  const count = Object.keys(errors).length;
  return html`${count ? html`<div class="k-alert k-alert--error" role="alert">预约信息有 ${count} 处需要修改，请查看标红的项目。</div>` : ''}
<form id="appt-form" class="bk-form" method="post" action="/appointment" novalidate>
<div class="bk-panel"><div class="bk-panel__head"><span class="bk-panel__no">1</span>企业信息</div><div class="k-form">
${formItem({ label: '企业名称', required: true, forName: 'corpName', error: errors.corpName, wide: true, control: textInput({ name: 'corpName', value: v('corpName'), maxLength: 100, placeholder: '与营业执照一致' }) })}
${formItem({ label: '统一社会信用代码', required: true, forName: 'uscc', error: errors.uscc, control: textInput({ name: 'uscc', value: v('uscc'), maxLength: 18 }) })}
${formItem({ label: '账户类型', required: true, forName: 'acctType', error: errors.acctType, hint: '一般存款账户请持证件至网点办理', control: html`<div class="k-radio-group">${accountTypes}</div>` })}
${formItem({ label: '注册地址', required: true, forName: 'regAddr', error: errors.regAddr, wide: true, hint: '按营业执照“住所”填写，含省、市、区县，网点按此地址所在区县列出', control: textInput({ name: 'regAddr', value: v('regAddr'), maxLength: 200 }) })}
</div></div>
<div class="bk-panel"><div class="bk-panel__head"><span class="bk-panel__no">2</span>预约网点与时间</div><div class="k-form">
${formItem({ label: '开户银行', required: true, forName: 'bankCode', error: errors.bankCode, control: divSelect({ name: 'bankCode', options: bankOptions, value: v('bankCode'), placeholder: '请选择开户银行' }) })}
${formItem({ label: '开户网点', required: true, forName: 'branchNo', error: errors.branchNo, control: html`<div class="bk-branches" data-api="/api/branches">${divSelect({ name: 'branchNo', options: branchOptions, value: v('branchNo'), placeholder: branchOptions.length ? '请选择开户网点' : '请先填写注册地址并选择银行' })}</div>` })}
${formItem({ label: '预约日期', required: true, forName: 'apptDate', error: errors.apptDate, hint: `可预约 ${dates[0] ?? ''} 至 ${dates.at(-1) ?? ''} 的工作日`, control: dateInput({ name: 'apptDate', value: v('apptDate'), format: 'yyyy-MM-dd', placeholder: '请选择预约日期' }) })}
${formItem({ label: '预约时段', required: true, forName: 'apptPeriod', error: errors.apptPeriod, wide: true, control: html`<div class="bk-slots" data-api="/api/slots"><input type="hidden" name="apptPeriod" value="${v('apptPeriod')}"><div class="bk-slots__grid">${slotTiles(slots, v('apptPeriod'))}</div></div>` })}
</div></div>
<div class="bk-panel"><div class="bk-panel__head"><span class="bk-panel__no">3</span>联系人及法定代表人</div><div class="k-form">
${formItem({ label: '联系人姓名', required: true, forName: 'contactName', error: errors.contactName, control: textInput({ name: 'contactName', value: v('contactName'), maxLength: 30 }) })}
${formItem({ label: '联系人手机', required: true, forName: 'contactMobile', error: errors.contactMobile, control: textInput({ name: 'contactMobile', value: v('contactMobile'), type: 'tel', maxLength: 11 }) })}
${formItem({ label: '法定代表人姓名', required: true, forName: 'lpName', error: errors.lpName, control: textInput({ name: 'lpName', value: v('lpName'), maxLength: 30 }) })}
${formItem({ label: '法定代表人证件号码', required: true, forName: 'lpIdNo', error: errors.lpIdNo, control: textInput({ name: 'lpIdNo', value: v('lpIdNo'), maxLength: 18, placeholder: '居民身份证号码' }) })}
${formItem({ label: '法定代表人手机', required: true, forName: 'lpMobile', error: errors.lpMobile, control: textInput({ name: 'lpMobile', value: v('lpMobile'), type: 'tel', maxLength: 11 }) })}
</div></div>
<div class="bk-panel"><div class="bk-panel__head"><span class="bk-panel__no">4</span>受益所有人<span class="bk-panel__tip">直接或间接持股25%（含）以上的自然人均须登记</span></div>
<div class="k-form-item__error bk-group-error" data-error-for="ubo" role="alert">${errors.ubo ?? ''}</div>
${repeatingRows({ rows, template: ownerRow('__i__', {}, {}), addLabel: '添加受益所有人', min: 1 })}
</div>
<div class="bk-panel"><div class="bk-panel__head"><span class="bk-panel__no">5</span>服务选项</div><div class="k-form">
${formItem({ label: '服务选项', forName: 'svc', error: errors.svc, wide: true, control: checkboxGroup({ name: 'svc', options: SERVICES, values: list(values, 'svc') }) })}
</div></div>
<input type="hidden" name="jyToken" value="">
<div class="bk-submitbar"><span class="bk-check__status${errors.jyToken ? ' is-error' : ''}" role="status">${errors.jyToken ?? '请先点击“校验”检查填写内容，校验通过后方可提交'}</span>
<button type="button" class="k-btn bk-check">校 验</button><button type="submit" class="k-btn k-btn--primary bk-submit" disabled>提交预约</button></div>
</form>`;
}
