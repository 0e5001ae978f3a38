import { INDUSTRY_DIVISIONS } from '../../forms/codes/index.ts';
import { type Body, type Errors, list, str } from '../kit/body.ts';
import { html, jsonForScript, type SafeHtml } from '../kit/html/escape.ts';
import {
  checkboxGroup,
  dateInput,
  divSelect,
  idFor,
  modal,
  regionCascade,
  textInput,
  treeSelect,
} from '../kit/html/widgets.ts';
import { gridBlock, gridRow } from './grid.ts';
import {
  AFFILIATION_OPTIONS,
  ECONOMIC_TYPE_OPTIONS,
  ID_TYPES,
  INDUSTRY_TREE,
  INSURANCE_TYPES,
  RISK_CLASSES,
  UNIT_TYPES,
} from './lists.ts';
import type { VerifiedUnit } from './validate.ts';

/** A value the agency took from the exchange: shown, posted, not editable. */
const locked = (name: string, value: string): SafeHtml =>
  html`<input class="k-input si-locked" id="${idFor(name)}" name="${name}" value="${value}" readonly tabindex="-1">`;

/** The industry → usual risk class map the page's script uses to preselect the class. */
const RISK_BY_INDUSTRY = Object.fromEntries(
  INDUSTRY_DIVISIONS.entries.map((d) => [d.industryCode, String(d.injuryRiskClass)]),
);

/** 单位参保登记 as one table form (blocks of label/value cells), with the first-save warning when due. */
export function registrationForm(options: {
  unit: VerifiedUnit;
  values: Body;
  errors: Errors;
  warnings?: readonly string[];
}): SafeHtml {
  const { unit, values, errors } = options;
  const v = (name: string) => str(values, name);
  const e = (name: string) => errors[name];
  const text = (name: string, placeholder = '') =>
    textInput({ name, value: v(name), ...(placeholder ? { placeholder } : {}) });
  const errorCount = Object.keys(errors).length;
  const warnings = options.warnings ?? [];

  const basic = gridBlock('单位基本信息', [
    gridRow(
      { label: '单位名称', required: true, error: e('aab004'), control: locked('aab004', unit.name) },
      {
        label: '统一社会信用代码',
        required: true,
        error: e('aab998'),
        control: locked('aab998', unit.creditCode),
      },
    ),
    gridRow(
      {
        label: '单位类型',
        required: true,
        error: e('aab019'),
        control: divSelect({ name: 'aab019', options: UNIT_TYPES, value: v('aab019') }),
      },
      {
        label: '经济类型',
        required: true,
        error: e('aab020'),
        control: divSelect({ name: 'aab020', options: ECONOMIC_TYPE_OPTIONS, value: v('aab020') }),
      },
    ),
    gridRow(
      {
        label: '隶属关系',
        required: true,
        error: e('aab021'),
        control: divSelect({ name: 'aab021', options: AFFILIATION_OPTIONS, value: v('aab021') }),
      },
      { label: '单位电话', required: true, error: e('aae005'), control: text('aae005', '手机或区号-号码') },
    ),
    gridRow(
      {
        label: '行业',
        required: true,
        error: e('aab022'),
        control: treeSelect({
          name: 'aab022',
          nodes: INDUSTRY_TREE,
          value: v('aab022'),
          placeholder: '请选择行业（国民经济行业分类）',
        }),
      },
      {
        label: '工伤保险行业风险类别',
        required: true,
        error: e('aab118'),
        hint: '选择行业后自动带出，如有不同请调整',
        control: divSelect({ name: 'aab118', options: RISK_CLASSES, value: v('aab118') }),
      },
    ),
    gridRow({
      label: '所属区划',
      required: true,
      wide: true,
      error: e('aab301'),
      control: regionCascade({ name: 'aab301', value: v('aab301') }),
    }),
    gridRow(
      { label: '单位地址', required: true, error: e('aae006'), control: text('aae006', '省市区县+街道门牌') },
      { label: '邮政编码', required: true, error: e('aae007'), control: text('aae007') },
    ),
  ]);
  const legalRep = gridBlock('法定代表人（负责人）信息', [
    gridRow(
      { label: '法定代表人姓名', required: true, error: e('aab013'), control: text('aab013') },
      {
        label: '法定代表人证件类型',
        required: true,
        error: e('aab014'),
        control: divSelect({ name: 'aab014', options: ID_TYPES, value: v('aab014') || '01' }),
      },
    ),
    gridRow(
      { label: '法定代表人证件号码', required: true, error: e('aab015'), control: text('aab015') },
      { label: '法定代表人电话', required: true, error: e('aab016'), control: text('aab016') },
    ),
  ]);
  const specialist = gridBlock('社保专管员信息', [
    gridRow(
      { label: '社保专管员姓名', required: true, error: e('aae004'), control: text('aae004') },
      { label: '社保专管员部门', required: true, error: e('aae013'), control: text('aae013', '如：综合部') },
    ),
    gridRow(
      {
        label: '社保专管员证件号码',
        required: true,
        error: e('aae135'),
        control: text('aae135', '居民身份证号码'),
      },
      { label: '社保专管员电话', required: true, error: e('aae159'), control: text('aae159') },
    ),
  ]);
  const payment = gridBlock('缴费账户信息', [
    gridRow(
      {
        label: '缴费账户开户名',
        required: true,
        error: e('aae009'),
        control: text('aae009', '与单位名称一致'),
      },
      { label: '缴费账户开户银行', required: true, error: e('aae008'), control: text('aae008') },
    ),
    gridRow({ label: '缴费账户银行账号', required: true, error: e('aae010'), control: text('aae010') }),
  ]);
  const insurance = gridBlock('参保信息', [
    gridRow({
      label: '参保险种',
      required: true,
      wide: true,
      error: e('aae140'),
      control: checkboxGroup({ name: 'aae140', options: INSURANCE_TYPES, values: list(values, 'aae140') }),
    }),
    gridRow({
      label: '参保日期',
      required: true,
      error: e('aae030'),
      hint: '格式：yyyyMMdd',
      control: dateInput({
        name: 'aae030',
        value: v('aae030'),
        format: 'yyyyMMdd',
        placeholder: '请选择参保日期',
      }),
    }),
  ]);

  const warning = warnings.length
    ? html`<div data-open-on-load>${modal({
        id: 'si-warning',
        title: '系统提示',
        body: html`<div class="si-warning">${warnings.map((w) => html`<p>${w}</p>`)}<p>是否继续保存？</p></div>`,
        footer: html`<button type="button" class="k-btn" data-modal-close>返回修改</button><button type="submit" class="k-btn k-btn--primary" form="si-form" name="qrjx" value="1">继续</button>`,
      })}</div>`
    : html``;
  return html`${errorCount ? html`<div class="k-alert k-alert--error" role="alert">保存失败：有 ${errorCount} 项信息不符合要求，请按红色提示修改。</div>` : ''}
<form id="si-form" class="si-form" method="post" action="/register/form" novalidate>
<script type="application/json" id="si-risk-map">${jsonForScript(RISK_BY_INDUSTRY)}</script>
${basic}${legalRep}${specialist}${payment}${insurance}
<div class="k-actions si-actions"><a class="k-btn" href="/register">返回上一步</a><button type="reset" class="k-btn">重置</button><button type="submit" class="k-btn k-btn--primary">保存</button></div>
</form>
${warning}`;
}
