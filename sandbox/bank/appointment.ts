/**
 * The platform's server-side review of an appointment: every field with a message beside it, the company
 * and its legal representative checked against the market regulator's register (联网核查), the branch in the
 * district of the registered address, the date and slot still free; and the form normalised to the contract
 * ids of docs/item-fields.md (bank-account).
 */

import { findRegionInAddress, validateCreditCode } from '../../forms/codes/index.ts';
import { type Body, type Errors, list, rowIndexes, str } from '../kit/body.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { RegisteredCompany } from '../kit/registry.ts';
import { type Bank, type Branch, bankByCode, branchesOf } from './banks.ts';
import { checkIdNumber, checkMobile, present } from './checks.ts';
import { ACCOUNT_TYPES, SERVICES } from './lists.ts';
import { availability, bookableDates, SLOTS } from './slots.ts';

export interface CheckedAppointment {
  errors: Errors;
  company?: RegisteredCompany;
  bank?: Bank;
  branch?: Branch;
  fields: Record<string, unknown>;
}

/** The branches a person is offered: the chosen bank's in the district named in the registered address. */
export function branchChoices(body: Body): { branches: Branch[]; district?: string } {
  const match = findRegionInAddress(str(body, 'regAddr'));
  if (match?.region.level !== 'district') return { branches: [] };
  return { branches: branchesOf(str(body, 'bankCode'), match.region.code), district: match.region.name };
}

function checkCompany(body: Body, ctx: PortalContext, errors: Errors): RegisteredCompany | undefined {
  const code = str(body, 'uscc').toUpperCase();
  const name = str(body, 'corpName');
  present(errors, 'corpName', name, '企业名称');
  if (!present(errors, 'uscc', code, '统一社会信用代码')) return undefined;
  if (!validateCreditCode(code).valid) {
    errors.uscc = '统一社会信用代码格式或校验位有误';
    return undefined;
  }
  const lookup = ctx.shared.registry.lookup(code, 0);
  if (lookup.status !== 'known') {
    errors.uscc = '联网核查未通过：未查询到该企业的登记信息';
    return undefined;
  }
  if (name && name !== lookup.company.name) errors.corpName = '联网核查未通过：企业名称与登记信息不一致';
  return lookup.company;
}

function checkOwners(body: Body, errors: Errors): { name: string; idNumber: string; ratio: string }[] {
  const rows = rowIndexes(body, 'ubo');
  if (rows.length === 0) errors.ubo = '请至少填写一名受益所有人';
  let total = 0;
  const owners = rows.map((i) => {
    const name = (key: string) => `ubo[${i}][${key}]`;
    const ownerName = str(body, name('name'));
    present(errors, name('name'), ownerName, '受益所有人姓名');
    const idNumber = checkIdNumber(errors, name('idNo'), str(body, name('idNo')), '受益所有人证件号码');
    const ratio = str(body, name('ratio'));
    if (present(errors, name('ratio'), ratio, '持股比例')) {
      const value = Number(ratio);
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(ratio) || value > 100)
        errors[name('ratio')] = '持股比例应为0至100之间的数字，最多两位小数';
      else if (value < 25) errors[name('ratio')] = '受益所有人持股比例应不低于25%';
      else total += value;
    }
    return { name: ownerName, idNumber, ratio };
  });
  if (total > 100.0001) errors.ubo = '受益所有人持股比例合计不能超过100%';
  return owners;
}

/** Checks the whole form; `fields` is complete only when `errors` is empty. */
export function checkAppointment(body: Body, ctx: PortalContext): CheckedAppointment {
  const errors: Errors = {};
  const company = checkCompany(body, ctx, errors);
  const address = str(body, 'regAddr');
  if (present(errors, 'regAddr', address, '注册地址') && !branchChoices(body).district) {
    errors.regAddr = '注册地址应包含省、市、区县';
  }
  if (str(body, 'acctType') !== '01') errors.acctType = '网上预约仅限开立基本存款账户';

  const bank = bankByCode(str(body, 'bankCode'));
  if (!bank) errors.bankCode = '请选择开户银行';
  const branchId = str(body, 'branchNo');
  const branch = branchChoices(body).branches.find((b) => b.id === branchId);
  if (!branchId) errors.branchNo = '请选择开户网点';
  else if (bank && !errors.regAddr && !branch) errors.branchNo = '请选择注册地址所在区县的网点';

  const date = str(body, 'apptDate');
  const slot = str(body, 'apptPeriod');
  if (!present(errors, 'apptDate', date, '预约日期')) {
    /* reported */
  } else if (!bookableDates(ctx.now()).includes(date)) {
    errors.apptDate = '预约日期只能选择明天起14天内的工作日';
  }
  if (!slot) errors.apptPeriod = '请选择预约时段';
  else if (!(SLOTS as readonly string[]).includes(slot)) errors.apptPeriod = '预约时段不正确';
  else if (
    branch &&
    !errors.apptDate &&
    availability(ctx, branch.id, date).find((s) => s.slot === slot)?.full
  ) {
    errors.apptPeriod = '该时段预约已满，请选择其他时段';
  }

  present(errors, 'contactName', str(body, 'contactName'), '联系人姓名');
  checkMobile(errors, 'contactMobile', str(body, 'contactMobile'), '联系人手机');
  const lpName = str(body, 'lpName');
  present(errors, 'lpName', lpName, '法定代表人姓名');
  const lpId = checkIdNumber(errors, 'lpIdNo', str(body, 'lpIdNo'), '法定代表人证件号码');
  if (
    company &&
    !errors.lpName &&
    !errors.lpIdNo &&
    (lpName !== company.legalRepName || lpId !== company.legalRepIdNumber)
  ) {
    errors.lpIdNo = '联网核查未通过：法定代表人姓名与证件号码不一致';
  }
  checkMobile(errors, 'lpMobile', str(body, 'lpMobile'), '法定代表人手机');
  const owners = checkOwners(body, errors);
  const services = list(body, 'svc');
  const unknown = services.find((code) => !SERVICES.some((s) => s.value === code));
  if (unknown) errors.svc = '服务选项不正确';

  const fields: Record<string, unknown> = {
    companyName: str(body, 'corpName'),
    creditCode: str(body, 'uscc').toUpperCase(),
    registeredAddress: address,
    accountType: ACCOUNT_TYPES.find((t) => t.value === str(body, 'acctType'))?.label ?? '',
    bank: bank?.name ?? '',
    branch: branch?.name ?? '',
    'appointment.date': date,
    'appointment.slot': slot,
    'contact.name': str(body, 'contactName'),
    'contact.mobile': str(body, 'contactMobile'),
    'legalRep.name': lpName,
    'legalRep.idNumber': lpId,
    'legalRep.mobile': str(body, 'lpMobile'),
    beneficialOwners: owners,
    services: SERVICES.filter((s) => services.includes(s.value)).map((s) => s.label),
  };
  return {
    errors,
    ...(company ? { company } : {}),
    ...(bank ? { bank } : {}),
    ...(branch ? { branch } : {}),
    fields,
  };
}
