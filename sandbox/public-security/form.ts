/** The 公章刻制备案 form as the bureau lays it out: unit, people, seals (添加 rows), engraver, pickup, SMS code. */
import { type Body, type Errors, rowIndexes, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import {
  divSelect,
  formItem,
  radioGroup,
  repeatingRows,
  rowFields,
  rowFrame,
  smsButton,
  textArea,
  textInput,
} from '../kit/html/widgets.ts';
import type { Engraver } from './engravers.ts';
import { MATERIALS, PICKUP_METHODS, SEAL_TYPES, SIZES, UNIT_TYPES } from './lists.ts';

function sealRow(index: number | '__i__', values: Body, errors: Errors): SafeHtml {
  const { name, value: v, error: e } = rowFields('yz', index, values, errors);
  return rowFrame(
    '印章',
    index,
    html`<div class="k-form ps-seal">
${formItem({ label: '印章类型', required: true, forName: name('yzlx'), error: e('yzlx'), control: divSelect({ name: name('yzlx'), options: SEAL_TYPES, value: v('yzlx'), placeholder: '请选择印章类型' }) })}
${formItem({ label: '规格', required: true, forName: name('gg'), error: e('gg'), control: divSelect({ name: name('gg'), options: SIZES, value: v('gg'), placeholder: '请选择规格' }) })}
${formItem({ label: '材质', required: true, forName: name('cz'), error: e('cz'), control: divSelect({ name: name('cz'), options: MATERIALS, value: v('cz'), placeholder: '请选择材质' }) })}
${formItem({ label: '数量', required: true, forName: name('sl'), error: e('sl'), control: textInput({ name: name('sl'), value: v('sl') || '1', maxLength: 1, placeholder: '枚' }) })}
${formItem({ label: '印文', required: true, forName: name('yw'), error: e('yw'), wide: true, hint: '选择印章类型后自动带出，发票专用章第二行为税号', control: textArea({ name: name('yw'), value: v('yw'), rows: 2, maxLength: 120 }) })}
</div>`,
  );
}

export interface FilingFormView {
  values: Body;
  errors: Errors;
  /** The filed engraving companies of the unit's district (empty until the unit is known). */
  engravers: readonly Engraver[];
}

/** The whole form; after a refused submission it shows what was posted with the messages beside the fields. */
export function filingForm({ values, errors, engravers }: FilingFormView): SafeHtml {
  const v = (name: string) => str(values, name);
  const indexes = rowIndexes(values, 'yz');
  const rows = (indexes.length ? indexes : [0]).map((i) => sealRow(i, values, errors));
  const engraverOptions = engravers.map((e) => ({ value: e.id, label: e.name }));
  const errorCount = Object.keys(errors).length;
  return html`${errorCount ? html`<div class="k-alert k-alert--error" role="alert">提交未通过校验，共 ${errorCount} 项信息有误，请根据红色提示修改。</div>` : ''}
<form id="seal-form" method="post" action="/seal/apply" novalidate>
<div class="k-section">一、单位基本信息</div>
<div class="k-form">
${formItem({ label: '单位名称', required: true, forName: 'dwmc', error: errors.dwmc, wide: true, hint: '须与营业执照登记名称完全一致', control: textInput({ name: 'dwmc', value: v('dwmc'), maxLength: 100, placeholder: '请输入单位名称' }) })}
${formItem({ label: '统一社会信用代码', required: true, forName: 'tyshxydm', error: errors.tyshxydm, control: textInput({ name: 'tyshxydm', value: v('tyshxydm'), maxLength: 18, placeholder: '18位统一社会信用代码' }) })}
${formItem({ label: '单位类型', required: true, forName: 'dwlx', error: errors.dwlx, control: divSelect({ name: 'dwlx', options: UNIT_TYPES, value: v('dwlx'), placeholder: '请选择单位类型' }) })}
${formItem({ label: '单位地址', required: true, forName: 'dwdz', error: errors.dwdz, wide: true, control: textInput({ name: 'dwdz', value: v('dwdz'), maxLength: 200, placeholder: '省市区县及详细地址' }) })}
</div>
<div class="k-section">二、法定代表人及经办人</div>
<div class="k-form">
${formItem({ label: '法定代表人姓名', required: true, forName: 'fddbr_xm', error: errors.fddbr_xm, control: textInput({ name: 'fddbr_xm', value: v('fddbr_xm'), maxLength: 30 }) })}
${formItem({ label: '法定代表人证件号码', required: true, forName: 'fddbr_zjhm', error: errors.fddbr_zjhm, control: textInput({ name: 'fddbr_zjhm', value: v('fddbr_zjhm'), maxLength: 18, placeholder: '居民身份证号码' }) })}
${formItem({ label: '法定代表人手机', required: true, forName: 'fddbr_sjhm', error: errors.fddbr_sjhm, control: textInput({ name: 'fddbr_sjhm', value: v('fddbr_sjhm'), type: 'tel', maxLength: 11 }) })}
<div class="k-form-item ps-spacer"></div>
${formItem({ label: '经办人姓名', required: true, forName: 'jbr_xm', error: errors.jbr_xm, control: textInput({ name: 'jbr_xm', value: v('jbr_xm'), maxLength: 30 }) })}
${formItem({ label: '经办人证件号码', required: true, forName: 'jbr_zjhm', error: errors.jbr_zjhm, control: textInput({ name: 'jbr_zjhm', value: v('jbr_zjhm'), maxLength: 18, placeholder: '居民身份证号码' }) })}
${formItem({ label: '经办人手机', required: true, forName: 'jbr_sjhm', error: errors.jbr_sjhm, hint: '用于接收短信验证码和办理结果通知', control: textInput({ name: 'jbr_sjhm', value: v('jbr_sjhm'), type: 'tel', maxLength: 11 }) })}
<div class="k-form-item ps-spacer"></div>
</div>
<div class="k-section">三、印章信息</div>
${errors.yz ? html`<div class="k-alert k-alert--error" role="alert">${errors.yz}</div>` : ''}
${repeatingRows({ rows, template: sealRow('__i__', {}, {}), addLabel: '添加印章', min: 1 })}
<div class="k-section">四、刻制单位及领取方式</div>
<div class="k-form">
${formItem({ label: '刻章企业', required: true, forName: 'kzqy', error: errors.kzqy, wide: true, hint: '按单位住所所在区县列出公安机关备案的刻章企业', control: html`<div class="ps-engravers" data-api="/api/kzqy">${divSelect({ name: 'kzqy', options: engraverOptions, value: v('kzqy'), placeholder: engraverOptions.length ? '请选择刻章企业' : '请先填写统一社会信用代码' })}</div>` })}
${formItem({ label: '领取方式', required: true, forName: 'lqfs', error: errors.lqfs, wide: true, control: radioGroup({ name: 'lqfs', options: PICKUP_METHODS, value: v('lqfs') || '1' }) })}
${formItem({ label: '邮寄地址', required: true, forName: 'yjdz', error: errors.yjdz, wide: true, showWhen: 'lqfs=2', control: textInput({ name: 'yjdz', value: v('yjdz'), maxLength: 200, placeholder: '收件地址（含收件人及电话）' }) })}
</div>
<div class="k-section">五、短信验证</div>
<div class="k-form">
${formItem({ label: '短信验证码', required: true, forName: 'dxyzm', error: errors.dxyzm, wide: true, hint: '验证码发送至经办人手机，5分钟内有效', control: html`<div class="ps-sms">${textInput({ name: 'dxyzm', maxLength: 6, placeholder: '6位验证码' })}${smsButton({ url: '/api/sms', phoneName: 'jbr_sjhm' })}</div>` })}
</div>
<div class="k-actions"><a class="k-btn" href="/">取消</a><button type="submit" class="k-btn k-btn--primary">提交备案</button></div>
</form>`;
}
