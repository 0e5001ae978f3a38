import { isDistrictCode, regionPath } from '../../../forms/codes/index.ts';
import { type Body, type Errors, FIXED_LINE, MOBILE, str } from '../../kit/body.ts';
import { html } from '../../kit/html/escape.ts';
import {
  divSelect,
  formItem,
  radioGroup,
  regionCascade,
  textInput,
  treeSelect,
} from '../../kit/html/widgets.ts';
import {
  ACCOUNTING_METHODS,
  COMPANY_TYPE_TREE,
  COMPANY_TYPES,
  CURRENCY_OPTIONS,
  ESTABLISH_METHODS,
  LLC_TYPES,
  OPERATING_TERMS,
  YES_NO,
} from '../lists.ts';
import { DECIMAL, maxLength, POSTCODE, required } from './checks.ts';
import type { WizardStep } from './step.ts';

const FORBIDDEN_WORDS = ['中国', '中华', '全国', '国家', '国际'];

const shortRegionName = (name: string) => name.replace(/(特别行政区|自治区|自治州|自治县|省|市|区|县)$/, '');

/** 企业名称 rules of 国务院令第734号 as a registrar's pre-check applies them. */
export function checkCompanyName(name: string, type: string, regionCode: string): string | undefined {
  if (!/^[\u4e00-\u9fa5（）()]+$/.test(name)) return '企业名称应当使用规范汉字，不得含有字母、数字或符号';
  const forbidden = FORBIDDEN_WORDS.find((word) => name.includes(word));
  if (forbidden) return `企业名称不得含有“${forbidden}”等字词`;
  if (LLC_TYPES.has(type) && !/(有限公司|有限责任公司)$/.test(name)) {
    return '有限责任公司名称应当以“有限公司”或“有限责任公司”结尾';
  }
  if (type === '1200' && !name.endsWith('股份有限公司')) return '股份有限公司名称应当以“股份有限公司”结尾';
  if (type === '4540' && name.includes('公司')) return '个人独资企业名称不得使用“公司”字样';
  const path = regionPath(regionCode);
  const regionNames = path.flatMap((region) => [region.name, shortRegionName(region.name)]);
  if (path.length > 0 && !regionNames.some((regionName) => regionName && name.includes(regionName))) {
    return `企业名称应当冠以企业所在地行政区划名称（如“${shortRegionName(path[1]?.name ?? path[0]?.name ?? '')}”）`;
  }
  let rest = name.replace(/(股份有限公司|有限责任公司|有限公司|个人独资企业|公司)$/, '');
  for (const regionName of regionNames) if (regionName) rest = rest.replace(regionName, '');
  if ([...rest.replace(/[（）()]/g, '')].length < 4)
    return '企业名称应当由字号和行业或经营特点组成，字号不少于两个汉字';
  return undefined;
}

function validate(body: Body): Errors {
  const errors: Errors = {};
  const name = str(body, 'qymc');
  const type = str(body, 'qylx');
  const region = str(body, 'zs_xzqh');
  if (required(errors, 'qylx', type, '企业类型', '选择') && !COMPANY_TYPES.has(type))
    errors.qylx = '企业类型不正确';
  if (required(errors, 'zs_xzqh', region, '住所所在区县', '选择') && !isDistrictCode(region)) {
    errors.zs_xzqh = '住所请选择到区县一级';
  }
  if (required(errors, 'qymc', name, '企业名称')) {
    maxLength(errors, 'qymc', name, '企业名称', 100);
    const problem = errors.qymc ? undefined : checkCompanyName(name, type, region);
    if (problem) errors.qymc = problem;
  }
  const detail = str(body, 'zs_xxdz');
  if (required(errors, 'zs_xxdz', detail, '住所详细地址'))
    maxLength(errors, 'zs_xxdz', detail, '住所详细地址', 200);
  const same = str(body, 'scjydz_tzs');
  if (required(errors, 'scjydz_tzs', same, '生产经营地址是否同住所', '选择') && same === '0') {
    const other = str(body, 'scjydz_xzqh');
    if (required(errors, 'scjydz_xzqh', other, '生产经营地址所在区县', '选择') && !isDistrictCode(other)) {
      errors.scjydz_xzqh = '生产经营地址请选择到区县一级';
    }
    const otherDetail = str(body, 'scjydz_xxdz');
    if (required(errors, 'scjydz_xxdz', otherDetail, '生产经营地址详细地址')) {
      maxLength(errors, 'scjydz_xxdz', otherDetail, '生产经营地址详细地址', 200);
    }
  }
  const phone = str(body, 'lxdh');
  if (required(errors, 'lxdh', phone, '联系电话') && !MOBILE.test(phone) && !FIXED_LINE.test(phone)) {
    errors.lxdh = '联系电话格式不正确，请填写手机号码或固定电话（如 0596-2345678）';
  }
  const postcode = str(body, 'yzbm');
  if (required(errors, 'yzbm', postcode, '邮政编码') && !POSTCODE.test(postcode))
    errors.yzbm = '邮政编码应为6位数字';
  const employees = str(body, 'cyrs');
  if (required(errors, 'cyrs', employees, '从业人数') && !/^\d{1,7}$/.test(employees)) {
    errors.cyrs = '从业人数应为不小于0的整数';
  }
  const capital = str(body, 'zczb');
  if (required(errors, 'zczb', capital, '注册资本') && (!DECIMAL.test(capital) || Number(capital) <= 0)) {
    errors.zczb = '注册资本应为大于0的数字（单位：万元，最多6位小数）';
  }
  if (
    required(errors, 'bz', str(body, 'bz'), '币种', '选择') &&
    !CURRENCY_OPTIONS.some((c) => c.value === str(body, 'bz'))
  ) {
    errors.bz = '币种不正确';
  }
  required(errors, 'slfs', str(body, 'slfs'), '设立方式', '选择');
  required(errors, 'hsfs', str(body, 'hsfs'), '核算方式', '选择');
  const term = str(body, 'jyqx_lx');
  if (required(errors, 'jyqx_lx', term, '经营期限', '选择') && term === '2') {
    const years = str(body, 'jyqx_ns');
    if (required(errors, 'jyqx_ns', years, '经营期限年数') && !/^([1-9]|[1-4]\d|50)$/.test(years)) {
      errors.jyqx_ns = '经营期限年数应为1至50的整数';
    }
  }
  return errors;
}

export const basicStep: WizardStep = {
  no: 1,
  title: '基本信息',
  validate,
  render({ values, errors }) {
    const v = (name: string) => str(values, name);
    return html`<div class="k-section">企业基本信息</div>
<div class="k-form">
${formItem({ label: '企业名称', required: true, forName: 'qymc', error: errors.qymc, wide: true, hint: '行政区划+字号+行业或经营特点+组织形式，如：漳州龙文某某软件有限公司', control: textInput({ name: 'qymc', value: v('qymc'), maxLength: 100, placeholder: '请输入企业名称' }) })}
${formItem({ label: '企业类型', required: true, forName: 'qylx', error: errors.qylx, control: treeSelect({ name: 'qylx', nodes: COMPANY_TYPE_TREE, value: v('qylx'), placeholder: '请选择企业类型' }) })}
${formItem({ label: '设立方式', required: true, forName: 'slfs', error: errors.slfs, control: divSelect({ name: 'slfs', options: ESTABLISH_METHODS, value: v('slfs') || '1' }) })}
</div>
<div class="k-section">住所及经营场所</div>
<div class="k-form">
${formItem({ label: '住所', required: true, forName: 'zs_xzqh', error: errors.zs_xzqh, wide: true, control: regionCascade({ name: 'zs_xzqh', value: v('zs_xzqh') }) })}
${formItem({ label: '详细地址', required: true, forName: 'zs_xxdz', error: errors.zs_xxdz, wide: true, control: textInput({ name: 'zs_xxdz', value: v('zs_xxdz'), maxLength: 200, placeholder: '请输入街道、门牌号、楼栋、房号' }) })}
${formItem({ label: '生产经营地址同住所', required: true, forName: 'scjydz_tzs', error: errors.scjydz_tzs, wide: true, control: radioGroup({ name: 'scjydz_tzs', options: YES_NO, value: v('scjydz_tzs') || '1' }) })}
${formItem({ label: '生产经营地址', required: true, showWhen: 'scjydz_tzs=0', forName: 'scjydz_xzqh', error: errors.scjydz_xzqh, wide: true, control: regionCascade({ name: 'scjydz_xzqh', value: v('scjydz_xzqh') }) })}
${formItem({ label: '经营地址详细地址', required: true, showWhen: 'scjydz_tzs=0', forName: 'scjydz_xxdz', error: errors.scjydz_xxdz, wide: true, control: textInput({ name: 'scjydz_xxdz', value: v('scjydz_xxdz'), maxLength: 200 }) })}
${formItem({ label: '联系电话', required: true, forName: 'lxdh', error: errors.lxdh, control: textInput({ name: 'lxdh', value: v('lxdh'), type: 'tel', placeholder: '手机或固定电话' }) })}
${formItem({ label: '邮政编码', required: true, forName: 'yzbm', error: errors.yzbm, control: textInput({ name: 'yzbm', value: v('yzbm'), maxLength: 6 }) })}
</div>
<div class="k-section">资本及经营</div>
<div class="k-form">
${formItem({ label: '注册资本（万元）', required: true, forName: 'zczb', error: errors.zczb, control: textInput({ name: 'zczb', value: v('zczb'), placeholder: '单位：万元' }) })}
${formItem({ label: '币种', required: true, forName: 'bz', error: errors.bz, control: divSelect({ name: 'bz', options: CURRENCY_OPTIONS, value: v('bz') || '156' }) })}
${formItem({ label: '从业人数', required: true, forName: 'cyrs', error: errors.cyrs, control: textInput({ name: 'cyrs', value: v('cyrs'), placeholder: '人' }) })}
${formItem({ label: '核算方式', required: true, forName: 'hsfs', error: errors.hsfs, control: radioGroup({ name: 'hsfs', options: ACCOUNTING_METHODS, value: v('hsfs') || '1' }) })}
${formItem({ label: '经营期限', required: true, forName: 'jyqx_lx', error: errors.jyqx_lx, control: radioGroup({ name: 'jyqx_lx', options: OPERATING_TERMS, value: v('jyqx_lx') || '1' }) })}
${formItem({ label: '经营期限（年）', required: true, showWhen: 'jyqx_lx=2', forName: 'jyqx_ns', error: errors.jyqx_ns, control: textInput({ name: 'jyqx_ns', value: v('jyqx_ns'), placeholder: '年' }) })}
</div>`;
  },
};
