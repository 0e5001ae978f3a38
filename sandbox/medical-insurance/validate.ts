import { isValidCreditCode, validateCreditCode, validateIdNumber } from '../../forms/codes/index.ts';
import { type Body, type Errors, isPhone, isRealDate, list, MOBILE, need, str } from '../kit/body.ts';
import { hasOption } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import type { RegisteredCompany } from '../kit/registry.ts';
import {
  AFFILIATION_OPTIONS,
  ECONOMIC_TYPE_OPTIONS,
  INDUSTRY_OPTIONS,
  INSURANCE_TYPES,
  UNIT_TYPES,
} from './lists.ts';

/**
 * The unit must be one the market regulator registered (the bureau shares the exchange without a lag of its
 * own) and its name the registered one. Errors by HTML name.
 */
function checkUnit(ctx: PortalContext, body: Body, errors: Errors): RegisteredCompany | undefined {
  const code = need(errors, body, 'uscc', '请输入统一社会信用代码').toUpperCase();
  const name = need(errors, body, 'emp_name', '请输入单位名称');
  if (!code) return undefined;
  if (!isValidCreditCode(code)) {
    const problem = validateCreditCode(code);
    errors.uscc =
      !problem.valid && problem.problem === 'length'
        ? '统一社会信用代码长度应为18位'
        : '统一社会信用代码校验不通过，请核对';
    return undefined;
  }
  const lookup = ctx.shared.registry.lookup(code, 0);
  if (lookup.status !== 'known') {
    errors.uscc = '未获取到该单位的市场主体登记信息，请确认已完成设立登记';
    return undefined;
  }
  if (name && lookup.company.name !== name) errors.emp_name = '单位名称与市场主体登记信息不一致';
  return lookup.company;
}

/** Server-side checks of 单位参保登记 (医保); messages by HTML name, shown beside the field. */
export function validateApplication(ctx: PortalContext, body: Body): Errors {
  const errors: Errors = {};
  const company = checkUnit(ctx, body, errors);
  const pick = (name: string, label: string, ok: (value: string) => boolean) => {
    const value = need(errors, body, name, `请选择${label}`);
    if (value && !ok(value)) errors[name] = `${label}选择有误`;
  };
  pick('emp_type', '单位类型', (v) => hasOption(UNIT_TYPES, v));
  pick('econ_type', '经济类型', (v) => hasOption(ECONOMIC_TYPE_OPTIONS, v));
  pick('afil_rlts', '隶属关系', (v) => hasOption(AFFILIATION_OPTIONS, v));
  pick('indu_type', '行业', (v) => hasOption(INDUSTRY_OPTIONS, v));
  const address = need(errors, body, 'reg_addr', '请输入单位地址');
  if ([...address].length > 200) errors.reg_addr = '单位地址最多200个字';
  const postcode = need(errors, body, 'poscode', '请输入邮政编码');
  if (postcode && !/^\d{6}$/.test(postcode)) errors.poscode = '邮政编码必须为6位数字';
  const tel = need(errors, body, 'emp_tel', '请输入单位电话');
  if (tel && !isPhone(tel)) errors.emp_tel = '单位电话格式有误';

  need(errors, body, 'legrep_name', '请输入法定代表人姓名');
  const certNo = need(errors, body, 'legrep_cert_no', '请输入法定代表人证件号码');
  if (certNo.length === 18 && !validateIdNumber(certNo).valid) {
    errors.legrep_cert_no = '法定代表人证件号码校验不通过';
  } else if (certNo && certNo.length !== 18 && !/^[A-Za-z0-9]{6,20}$/.test(certNo)) {
    errors.legrep_cert_no = '法定代表人证件号码格式有误';
  }
  const repTel = need(errors, body, 'legrep_tel', '请输入法定代表人电话');
  if (repTel && !isPhone(repTel)) errors.legrep_tel = '法定代表人电话格式有误';
  need(errors, body, 'emp_mgr_name', '请输入医保专管员姓名');
  const mgrTel = need(errors, body, 'emp_mgr_tel', '请输入医保专管员电话');
  if (mgrTel && !MOBILE.test(mgrTel))
    errors.emp_mgr_tel = '医保专管员电话须为11位手机号码（用于接收业务短信）';

  need(errors, body, 'bank_name', '请输入开户银行');
  const account = need(errors, body, 'bankacct', '请输入银行账号');
  if (account && !/^\d{8,30}$/.test(account)) errors.bankacct = '银行账号应为8-30位数字';

  const types = list(body, 'insutype');
  if (types.length === 0) errors.insutype = '请至少勾选一个险种';
  else if (types.some((t) => !hasOption(INSURANCE_TYPES, t))) errors.insutype = '险种选择有误';
  else if (types.includes('510') && !types.includes('310')) {
    errors.insutype = '生育保险须与职工基本医疗保险同时参保';
  }
  const begin = need(errors, body, 'begndate', '请选择参保日期');
  if (begin && !isRealDate(begin)) errors.begndate = '参保日期格式应为yyyy-MM-dd';
  else if (begin && company && begin < company.establishedDate) {
    errors.begndate = `参保日期不得早于单位成立日期（${company.establishedDate}）`;
  } else if (begin && begin > chinaDate(ctx.now())) errors.begndate = '参保日期不得晚于当前日期';
  return errors;
}

/** The accepted application as the contract's medical-insurance fields. */
export function normaliseApplication(body: Body): Record<string, unknown> {
  return {
    unitName: str(body, 'emp_name'),
    creditCode: str(body, 'uscc').toUpperCase(),
    unitType: str(body, 'emp_type'),
    economicType: str(body, 'econ_type'),
    affiliation: str(body, 'afil_rlts'),
    industryCode: str(body, 'indu_type'),
    unitAddress: str(body, 'reg_addr'),
    postcode: str(body, 'poscode'),
    unitPhone: str(body, 'emp_tel'),
    'legalRep.name': str(body, 'legrep_name'),
    'legalRep.idNumber': str(body, 'legrep_cert_no').toUpperCase(),
    'legalRep.phone': str(body, 'legrep_tel'),
    'specialist.name': str(body, 'emp_mgr_name'),
    'specialist.phone': str(body, 'emp_mgr_tel'),
    bank: str(body, 'bank_name'),
    accountNo: str(body, 'bankacct'),
    insuranceTypes: list(body, 'insutype'),
    insuredDate: str(body, 'begndate'),
  };
}
