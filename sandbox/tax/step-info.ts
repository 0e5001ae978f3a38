/**
 * Step 1 登记信息确认: the registration data shared by market regulation, shown read-only, then what the tax
 * side adds — 核算方式, 从业人数, 会计制度 — and the 财务负责人/办税人 matrix, a table whose labels are its row
 * and column heads (as the paper 登记表 prints it).
 */
import { type Body, type Errors, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import { divSelect, formItem, radioGroup, textInput } from '../kit/html/widgets.ts';
import { chineseDate } from '../kit/references.ts';
import { checkDocument, checkMobile, oneOf, required } from './checks.ts';
import { ACCOUNTING_METHODS, ACCOUNTING_STANDARDS, ID_TYPES } from './lists.ts';
import type { TaxStep } from './step.ts';
import { taxOfficeOf } from './tax-office.ts';

const PEOPLE = [
  { prefix: 'cwfzr', title: '财务负责人' },
  { prefix: 'bsr', title: '办税人' },
] as const;

function cellInput(name: string, value: string, label: string, maxLength: number): SafeHtml {
  return html`<input class="k-input" id="f_${name}" name="${name}" value="${value}" aria-label="${label}" maxlength="${maxLength}" autocomplete="off">`;
}

function cellError(error: string | undefined): SafeHtml {
  return html`<div class="k-form-item__error" role="alert">${error ?? ''}</div>`;
}

function peopleMatrix(values: Body, errors: Errors): SafeHtml {
  const rows = PEOPLE.map(({ prefix, title }) => {
    const n = (key: string) => `${prefix}_${key}`;
    return html`<tr data-person="${title}"><th class="tx-rowhead">${title}</th>
<td>${cellInput(n('xm'), str(values, n('xm')), `${title}姓名`, 30)}${cellError(errors[n('xm')])}</td>
<td>${divSelect({ name: n('zjlx'), options: ID_TYPES, value: str(values, n('zjlx')) || '201' })}${cellError(errors[n('zjlx')])}</td>
<td>${cellInput(n('zjhm'), str(values, n('zjhm')), `${title}证件号码`, 20)}${cellError(errors[n('zjhm')])}</td>
<td>${cellInput(n('yddh'), str(values, n('yddh')), `${title}移动电话`, 11)}${cellError(errors[n('yddh')])}</td></tr>`;
  });
  return html`<table class="k-grid tx-matrix"><thead><tr><th>项目</th><th>姓名</th><th>身份证件种类</th><th>身份证件号码</th><th>移动电话</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export const infoStep: TaxStep = {
  no: 1,
  title: '登记信息确认',
  render({ values, errors, company }) {
    const v = (name: string) => str(values, name);
    return html`<div class="tx-sub">工商登记信息（由市场监管部门共享，不可修改）</div>
<table class="k-grid tx-readonly">
<tr><th>纳税人识别号</th><td>${company.creditCode}</td><th>纳税人名称</th><td>${company.name}</td></tr>
<tr><th>法定代表人</th><td>${company.legalRepName}</td><th>成立日期</th><td>${chineseDate(new Date(`${company.establishedDate}T00:00:00+08:00`))}</td></tr>
<tr><th>注册地址</th><td colspan="3">${company.address}</td></tr>
<tr><th>登记机关</th><td>${company.registrationAuthority}</td><th>主管税务机关</th><td>${taxOfficeOf(company.regionCode).name}</td></tr>
</table>
<div class="tx-sub">税务登记补充信息</div>
<div class="k-form">
${formItem({ label: '核算方式', required: true, forName: 'hsfs', error: errors.hsfs, control: radioGroup({ name: 'hsfs', options: ACCOUNTING_METHODS, value: v('hsfs') }) })}
${formItem({ label: '从业人数', required: true, forName: 'cyrs', error: errors.cyrs, control: textInput({ name: 'cyrs', value: v('cyrs'), maxLength: 7, placeholder: '人' }) })}
${formItem({ label: '适用会计制度', required: true, forName: 'kjzd', error: errors.kjzd, control: divSelect({ name: 'kjzd', options: ACCOUNTING_STANDARDS, value: v('kjzd'), placeholder: '请选择会计制度' }) })}
</div>
<div class="tx-sub">财务负责人及办税人</div>
${peopleMatrix(values, errors)}`;
  },
  validate(body) {
    const errors: Errors = {};
    oneOf(errors, 'hsfs', str(body, 'hsfs'), '核算方式', ACCOUNTING_METHODS);
    const employees = str(body, 'cyrs');
    if (required(errors, 'cyrs', employees, '从业人数') && !/^\d{1,7}$/.test(employees)) {
      errors.cyrs = '从业人数应为非负整数';
    }
    oneOf(errors, 'kjzd', str(body, 'kjzd'), '适用会计制度', ACCOUNTING_STANDARDS);
    for (const { prefix, title } of PEOPLE) {
      const n = (key: string) => `${prefix}_${key}`;
      required(errors, n('xm'), str(body, n('xm')), `${title}姓名`);
      const type = str(body, n('zjlx'));
      oneOf(errors, n('zjlx'), type, `${title}身份证件种类`, ID_TYPES);
      checkDocument(errors, n('zjhm'), type, str(body, n('zjhm')), `${title}身份证件号码`);
      checkMobile(errors, n('yddh'), str(body, n('yddh')), `${title}移动电话`);
    }
    return errors;
  },
  normalise(body) {
    const person = (prefix: string) => {
      const type = str(body, `${prefix}_zjlx`);
      const number = str(body, `${prefix}_zjhm`);
      return {
        name: str(body, `${prefix}_xm`),
        idType: type,
        idNumber: type === '201' ? number.toUpperCase() : number,
        mobile: str(body, `${prefix}_yddh`),
      };
    };
    const finance = person('cwfzr');
    const agent = person('bsr');
    return {
      accountingMethod: str(body, 'hsfs'),
      employees: str(body, 'cyrs'),
      accountingStandard: str(body, 'kjzd'),
      'financeOfficer.name': finance.name,
      'financeOfficer.idType': finance.idType,
      'financeOfficer.idNumber': finance.idNumber,
      'financeOfficer.mobile': finance.mobile,
      'taxAgent.name': agent.name,
      'taxAgent.idType': agent.idType,
      'taxAgent.idNumber': agent.idNumber,
      'taxAgent.mobile': agent.mobile,
    };
  },
};
