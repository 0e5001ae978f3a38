import { isDistrictCode, validateCreditCode, validateIdNumber } from '../../forms/codes/index.ts';
import { type Body, type Errors, FIXED_LINE, MOBILE, need, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { divSelect, formItem, hasOption, radioGroup, regionCascade, textInput } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { Draft, WizardStep } from './draft.ts';
import { AFFILIATION_OPTIONS, UNIT_NATURES, UNIT_TYPES } from './lists.ts';

function idProblem(value: string, label: string): string | undefined {
  const check = validateIdNumber(value);
  if (check.valid) return undefined;
  return check.problem === 'checkChar' ? `${label}校验码错误` : `${label}格式不正确`;
}

/** The unit must be one market regulation registered (the centre reads the exchange without a lag). */
function checkUnit(ctx: PortalContext, body: Body, errors: Errors, draft: Draft): void {
  const code = need(errors, body, 'tyshxydm', '统一社会信用代码不能为空').toUpperCase();
  const name = need(errors, body, 'dwmc', '单位全称不能为空');
  if (!code) return;
  const check = validateCreditCode(code);
  if (!check.valid) {
    errors.tyshxydm = check.problem === 'length' ? '统一社会信用代码须为18位' : '统一社会信用代码校验错误';
    return;
  }
  const lookup = ctx.shared.registry.lookup(code, 0);
  if (lookup.status !== 'known') {
    errors.tyshxydm = '该统一社会信用代码无工商登记信息，请先办理设立登记';
    return;
  }
  if (name && name !== lookup.company.name) errors.dwmc = '单位全称须与营业执照上的名称完全一致';
  const legalRep = str(body, 'frxm');
  if (legalRep && lookup.company.legalRepName && legalRep !== lookup.company.legalRepName) {
    errors.frxm = '法定代表人姓名与工商登记信息不一致';
  }
  draft.unit = {
    creditCode: lookup.company.creditCode,
    name: lookup.company.name,
    establishedDate: lookup.company.establishedDate,
  };
}

function validate(body: Body, draft: Draft, ctx: PortalContext): Errors {
  const errors: Errors = {};
  checkUnit(ctx, body, errors, draft);
  const address = need(errors, body, 'dwdz', '单位地址不能为空');
  if ([...address].length > 200) errors.dwdz = '单位地址不能超过200字';
  const postcode = need(errors, body, 'yzbm', '邮政编码不能为空');
  if (postcode && !/^\d{6}$/.test(postcode)) errors.yzbm = '邮政编码须为6位数字';
  const region = need(errors, body, 'xzqh', '请选择行政区划');
  if (region && !isDistrictCode(region)) errors.xzqh = '行政区划须选择到区（县）';
  const pick = (name: string, label: string, options: Parameters<typeof hasOption>[0]) => {
    const value = need(errors, body, name, `请选择${label}`);
    if (value && !hasOption(options, value)) errors[name] = `${label}不正确`;
  };
  pick('dwlx', '单位类型', UNIT_TYPES);
  pick('dwxz', '单位性质', UNIT_NATURES);
  pick('lsgx', '隶属关系', AFFILIATION_OPTIONS);
  need(errors, body, 'frxm', '法定代表人姓名不能为空');
  const repId = need(errors, body, 'frsfzh', '法定代表人身份证号码不能为空');
  if (repId) {
    const problem = idProblem(repId, '法定代表人身份证号码');
    if (problem) errors.frsfzh = problem;
  }
  need(errors, body, 'jbrxm', '经办人姓名不能为空');
  const agentId = need(errors, body, 'jbrzjhm', '经办人证件号码不能为空');
  if (agentId) {
    const problem = idProblem(agentId, '经办人证件号码');
    if (problem) errors.jbrzjhm = problem;
  }
  const office = need(errors, body, 'jbrbgdh', '经办人办公电话不能为空');
  if (office && !FIXED_LINE.test(office) && !MOBILE.test(office)) {
    errors.jbrbgdh = '经办人办公电话格式不正确（固定电话请加区号，如0596-2345678）';
  }
  const mobile = need(errors, body, 'jbrsj', '经办人手机不能为空');
  if (mobile && !MOBILE.test(mobile)) errors.jbrsj = '经办人手机须为11位手机号码';
  return errors;
}

export const unitStep: WizardStep = {
  no: 1,
  title: '单位基本信息',
  validate,
  render({ values, errors }) {
    const v = (name: string) => str(values, name);
    const text = (name: string, label: string, placeholder?: string, wide = false) =>
      formItem({
        label,
        required: true,
        forName: name,
        error: errors[name],
        wide,
        control: textInput({ name, value: v(name), ...(placeholder ? { placeholder } : {}) }),
      });
    const select = (name: string, label: string, options: typeof UNIT_TYPES) =>
      formItem({
        label,
        required: true,
        forName: name,
        error: errors[name],
        control: divSelect({ name, options, value: v(name) }),
      });
    return html`<h3 class="hf-legend">单位信息</h3>
<div class="k-form hf-form">
${text('dwmc', '单位全称', '与营业执照名称完全一致', true)}
${text('tyshxydm', '统一社会信用代码', '18位')}
${formItem({ label: '单位类型', required: true, forName: 'dwlx', error: errors.dwlx, wide: true, control: radioGroup({ name: 'dwlx', options: UNIT_TYPES, value: v('dwlx') }) })}
${select('dwxz', '单位性质', UNIT_NATURES)}
${select('lsgx', '隶属关系', AFFILIATION_OPTIONS)}
${formItem({ label: '行政区划', required: true, forName: 'xzqh', error: errors.xzqh, wide: true, control: regionCascade({ name: 'xzqh', value: v('xzqh') }) })}
${text('dwdz', '单位地址', '单位注册地址', true)}
${text('yzbm', '邮政编码')}
</div>
<h3 class="hf-legend">法定代表人</h3>
<div class="k-form hf-form">
${text('frxm', '法定代表人姓名')}
${text('frsfzh', '法定代表人身份证号码', '18位居民身份证号码')}
</div>
<h3 class="hf-legend">经办人</h3>
<div class="k-form hf-form">
${text('jbrxm', '经办人姓名')}
${text('jbrzjhm', '经办人证件号码', '居民身份证号码')}
${text('jbrbgdh', '经办人办公电话', '区号-号码，或手机')}
${text('jbrsj', '经办人手机', '接收业务通知短信')}
</div>`;
  },
};
