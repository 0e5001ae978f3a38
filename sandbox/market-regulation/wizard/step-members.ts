import { validateIdNumber } from '../../../forms/codes/index.ts';
import { type Body, type Errors, isRealDate, list, MOBILE, str } from '../../kit/body.ts';
import { html, type SafeHtml } from '../../kit/html/escape.ts';
import {
  checkboxGroup,
  dateInput,
  divSelect,
  formItem,
  radioGroup,
  repeatingRows,
  rowFrame,
  textInput,
  uploadSlot,
} from '../../kit/html/widgets.ts';
import {
  ETHNICITY_OPTIONS,
  GENDER_OPTIONS,
  ID_TYPES,
  NATIONALITY_OPTIONS,
  POLITICAL_OPTIONS,
  ROLE_OPTIONS,
  ROLES,
  YES_NO,
} from '../lists.ts';
import { UPLOAD_RULES } from '../uploads.ts';
import { EMAIL, required } from './checks.ts';
import { type Draft, rowsOf } from './draft.ts';
import type { WizardStep } from './step.ts';

const DIRECTOR_ROLES = ['执行董事', '董事长', '董事'];

function memberRow(index: number | '__i__', values: Body, errors: Errors, draft: Draft): SafeHtml {
  const n = (key: string) => `ry[${index}][${key}]`;
  const v = (key: string) => str(values, n(key));
  const upload = (key: string, slot: 'idFront' | 'idBack') => {
    const id = v(key);
    const file = id ? draft.files[id] : undefined;
    return uploadSlot({
      name: n(key),
      slot,
      rule: UPLOAD_RULES[slot],
      value: file ? { id, fileName: file.fileName, size: file.size } : undefined,
    });
  };
  const item = (
    label: string,
    key: string,
    control: SafeHtml,
    options: { required?: boolean; wide?: boolean } = {},
  ) =>
    formItem({
      label,
      forName: n(key),
      error: errors[n(key)],
      required: options.required ?? true,
      wide: options.wide ?? false,
      control,
    });
  return rowFrame(
    '成员',
    index,
    html`<div class="k-form">
${item('姓名', 'xm', textInput({ name: n('xm'), value: v('xm') }))}
${item('证件类型', 'zjlx', divSelect({ name: n('zjlx'), options: ID_TYPES, value: v('zjlx') || '10' }))}
${item('证件号码', 'zjhm', textInput({ name: n('zjhm'), value: v('zjhm'), maxLength: 18 }))}
${item('性别', 'xb', radioGroup({ name: n('xb'), options: GENDER_OPTIONS, value: v('xb') }))}
${item('出生日期', 'csrq', dateInput({ name: n('csrq'), value: v('csrq') }))}
${item('民族', 'mz', divSelect({ name: n('mz'), options: ETHNICITY_OPTIONS, value: v('mz') || '01' }))}
${item('国籍', 'gj', divSelect({ name: n('gj'), options: NATIONALITY_OPTIONS, value: v('gj') || '156' }))}
${item('政治面貌', 'zzmm', divSelect({ name: n('zzmm'), options: POLITICAL_OPTIONS, value: v('zzmm') || '13' }))}
${item('住址', 'zz', textInput({ name: n('zz'), value: v('zz') }), { wide: true })}
${item('移动电话', 'yddh', textInput({ name: n('yddh'), value: v('yddh'), type: 'tel', maxLength: 11 }))}
${item('电子邮箱', 'dzyx', textInput({ name: n('dzyx'), value: v('dzyx'), placeholder: '选填' }), { required: false })}
${item('职务/角色', 'zw', checkboxGroup({ name: n('zw'), options: ROLE_OPTIONS, values: list(values, n('zw')) }), { wide: true })}
${item('身份证正面照片', 'sfzzm', upload('sfzzm', 'idFront'))}
${item('身份证反面照片', 'sfzfm', upload('sfzfm', 'idBack'))}
</div>`,
  );
}

function validate(body: Body, draft: Draft): Errors {
  const errors: Errors = {};
  required(errors, 'sfsdsh', str(body, 'sfsdsh'), '是否设董事会', '选择');
  required(errors, 'sfsjsh', str(body, 'sfsjsh'), '是否设监事会', '选择');
  const rows = rowsOf(body, 'ry');
  if (rows.length === 0) {
    errors.ry = '请至少添加一名成员';
    return errors;
  }
  const allRoles: string[][] = [];
  for (const row of rows) {
    const n = row.name;
    required(errors, n('xm'), str(body, n('xm')), '姓名');
    required(errors, n('zjlx'), str(body, n('zjlx')), '证件类型', '选择');
    const idType = str(body, n('zjlx'));
    const idNumber = str(body, n('zjhm'));
    const gender = str(body, n('xb'));
    const birth = str(body, n('csrq'));
    required(errors, n('xb'), gender, '性别', '选择');
    if (required(errors, n('csrq'), birth, '出生日期', '选择') && !isRealDate(birth))
      errors[n('csrq')] = '出生日期不正确';
    if (required(errors, n('zjhm'), idNumber, '证件号码') && idType === '10') {
      const check = validateIdNumber(idNumber);
      if (!check.valid) errors[n('zjhm')] = '居民身份证号码不正确（校验位错误或格式不符）';
      else if (gender && check.gender !== gender) errors[n('xb')] = '性别与身份证号码不一致';
      else if (birth && !errors[n('csrq')] && check.birthDate !== birth)
        errors[n('csrq')] = '出生日期与身份证号码不一致';
    }
    required(errors, n('mz'), str(body, n('mz')), '民族', '选择');
    required(errors, n('gj'), str(body, n('gj')), '国籍', '选择');
    required(errors, n('zzmm'), str(body, n('zzmm')), '政治面貌', '选择');
    required(errors, n('zz'), str(body, n('zz')), '住址');
    const mobile = str(body, n('yddh'));
    if (required(errors, n('yddh'), mobile, '移动电话') && !MOBILE.test(mobile))
      errors[n('yddh')] = '移动电话应为11位手机号码';
    const email = str(body, n('dzyx'));
    if (email && !EMAIL.test(email)) errors[n('dzyx')] = '电子邮箱格式不正确';
    const roles = list(body, n('zw'));
    allRoles.push(roles);
    if (roles.length === 0) errors[n('zw')] = '请至少选择一项职务/角色';
    else if (roles.some((role) => !(ROLES as readonly string[]).includes(role)))
      errors[n('zw')] = '职务/角色不正确';
    else if (
      roles.includes('监事') &&
      roles.some((role) => [...DIRECTOR_ROLES, '经理', '财务负责人'].includes(role))
    ) {
      errors[n('zw')] = '监事不得兼任董事、经理或财务负责人';
    } else if (
      roles.includes('法定代表人') &&
      !roles.some((role) => [...DIRECTOR_ROLES.slice(0, 2), '经理'].includes(role))
    ) {
      errors[n('zw')] = '法定代表人应由执行董事、董事长或经理担任';
    }
    for (const [key, label] of [
      ['sfzzm', '身份证正面照片'],
      ['sfzfm', '身份证反面照片'],
    ] as const) {
      const id = str(body, n(key));
      if (!id) errors[n(key)] = `请上传${label}`;
      else if (!draft.files[id]) errors[n(key)] = `${label}已失效，请重新上传`;
    }
  }
  const count = (role: string) => allRoles.filter((roles) => roles.includes(role)).length;
  if (count('法定代表人') !== 1) errors.ry = `法定代表人必须且只能有一名（当前 ${count('法定代表人')} 名）`;
  else if (count('股东') === 0) errors.ry = '请至少指定一名股东';
  else if (str(body, 'sfsdsh') === '0' && count('执行董事') !== 1)
    errors.ry = '不设董事会的，应当设一名执行董事';
  else if (str(body, 'sfsdsh') === '1' && count('董事长') !== 1) errors.ry = '设董事会的，应当设一名董事长';
  else if (str(body, 'sfsjsh') === '0' && count('监事') < 1) errors.ry = '不设监事会的，应当设一名监事';
  return errors;
}

export const membersStep: WizardStep = {
  no: 3,
  title: '人员信息',
  validate,
  uploadFields: (body) => rowsOf(body, 'ry').flatMap((row) => [row.name('sfzzm'), row.name('sfzfm')]),
  render({ values, errors, draft }) {
    const rows = rowsOf(values, 'ry');
    const rendered = (rows.length ? rows.map((row) => row.index) : [0]).map((index) =>
      memberRow(index, values, errors, draft),
    );
    return html`<div class="k-section">组织机构</div>
<div class="k-form">
${formItem({ label: '是否设董事会', required: true, forName: 'sfsdsh', error: errors.sfsdsh, control: radioGroup({ name: 'sfsdsh', options: YES_NO, value: str(values, 'sfsdsh') || '0' }) })}
${formItem({ label: '是否设监事会', required: true, forName: 'sfsjsh', error: errors.sfsjsh, control: radioGroup({ name: 'sfsjsh', options: YES_NO, value: str(values, 'sfsjsh') || '0' }) })}
</div>
<div class="k-section">成员信息（股东、董事、监事、经理、法定代表人、财务负责人、联络员）</div>
${errors.ry ? html`<div class="k-alert k-alert--error" role="alert">${errors.ry}</div>` : ''}
${repeatingRows({ rows: rendered, template: memberRow('__i__', {}, {}, draft), addLabel: '添加成员', min: 1 })}`;
  },
};
