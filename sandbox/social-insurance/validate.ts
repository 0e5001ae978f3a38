import {
  INDUSTRY_DIVISIONS,
  injuryRiskClassOf,
  isDistrictCode,
  validateIdNumber,
} from '../../forms/codes/index.ts';
import { type Body, type Errors, isPhone, isRealDate, list, need, str } from '../kit/body.ts';
import { hasOption } from '../kit/html/widgets.ts';
import { chinaDateDigits } from '../kit/references.ts';
import {
  AFFILIATION_OPTIONS,
  ECONOMIC_TYPE_OPTIONS,
  ID_TYPES,
  INDUSTRY_CODES,
  INSURANCE_TYPES,
  RISK_CLASSES,
  riskClassName,
  UNIT_TYPES,
} from './lists.ts';

/** yyyyMMdd that is a real calendar day. */
export function isCompactDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  return isRealDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
}

/** What the agency compares the form with: the unit as verified in step 1. */
export interface VerifiedUnit {
  creditCode: string;
  name: string;
  establishedDate: string;
}

function idNumberProblem(value: string, label: string): string | undefined {
  const check = validateIdNumber(value);
  if (check.valid) return undefined;
  return check.problem === 'checkChar' ? `${label}校验位错误` : `${label}不是有效的居民身份证号码`;
}

/** Server-side checks of 单位参保登记; messages by HTML name, beside the field. */
export function validateRegistration(body: Body, unit: VerifiedUnit, today: Date): Errors {
  const errors: Errors = {};
  if (str(body, 'aab004') !== unit.name || str(body, 'aab998').toUpperCase() !== unit.creditCode) {
    errors.aab004 = '单位名称、统一社会信用代码与核验信息不一致，请重新核验';
  }
  const pick = (name: string, label: string, ok: (value: string) => boolean) => {
    const value = need(errors, body, name, `请选择${label}`);
    if (value && !ok(value)) errors[name] = `${label}不在代码表中，请重新选择`;
  };
  pick('aab019', '单位类型', (v) => hasOption(UNIT_TYPES, v));
  pick('aab020', '经济类型', (v) => hasOption(ECONOMIC_TYPE_OPTIONS, v));
  pick('aab021', '隶属关系', (v) => hasOption(AFFILIATION_OPTIONS, v));
  pick('aab022', '行业', (v) => INDUSTRY_CODES.has(v));
  pick('aab118', '工伤保险行业风险类别', (v) => hasOption(RISK_CLASSES, v));

  const address = need(errors, body, 'aae006', '请填写单位地址');
  if ([...address].length > 200) errors.aae006 = '单位地址不能超过200个字';
  const region = need(errors, body, 'aab301', '请选择所属区划');
  if (region && !isDistrictCode(region)) errors.aab301 = '所属区划请选择到区县一级';
  const postcode = need(errors, body, 'aae007', '请填写邮政编码');
  if (postcode && !/^\d{6}$/.test(postcode)) errors.aae007 = '邮政编码应为6位数字';
  const phone = need(errors, body, 'aae005', '请填写单位电话');
  if (phone && !isPhone(phone)) errors.aae005 = '单位电话格式不正确（手机号码或区号-号码）';

  need(errors, body, 'aab013', '请填写法定代表人姓名');
  const idType = need(errors, body, 'aab014', '请选择法定代表人证件类型');
  if (idType && !hasOption(ID_TYPES, idType)) errors.aab014 = '法定代表人证件类型不正确';
  const idNumber = need(errors, body, 'aab015', '请填写法定代表人证件号码');
  if (idNumber && idType === '01') {
    const problem = idNumberProblem(idNumber, '法定代表人证件号码');
    if (problem) errors.aab015 = problem;
  } else if (idNumber && !/^[A-Za-z0-9]{5,20}$/.test(idNumber)) {
    errors.aab015 = '法定代表人证件号码格式不正确';
  }
  const repPhone = need(errors, body, 'aab016', '请填写法定代表人电话');
  if (repPhone && !isPhone(repPhone)) errors.aab016 = '法定代表人电话格式不正确';

  need(errors, body, 'aae004', '请填写社保专管员姓名');
  const department = need(errors, body, 'aae013', '请填写社保专管员部门');
  if ([...department].length > 30) errors.aae013 = '社保专管员部门不能超过30个字';
  const specialistPhone = need(errors, body, 'aae159', '请填写社保专管员电话');
  if (specialistPhone && !isPhone(specialistPhone)) errors.aae159 = '社保专管员电话格式不正确';
  const specialistId = need(errors, body, 'aae135', '请填写社保专管员证件号码');
  if (specialistId) {
    const problem = idNumberProblem(specialistId, '社保专管员证件号码');
    if (problem) errors.aae135 = problem;
  }

  const accountName = need(errors, body, 'aae009', '请填写缴费账户开户名');
  if (accountName && accountName !== unit.name) errors.aae009 = '缴费账户开户名应与单位名称一致';
  need(errors, body, 'aae008', '请填写缴费账户开户银行');
  const accountNo = need(errors, body, 'aae010', '请填写缴费账户银行账号');
  if (accountNo && !/^\d{8,30}$/.test(accountNo)) errors.aae010 = '缴费账户银行账号应为8至30位数字';

  const types = list(body, 'aae140');
  if (types.length === 0) errors.aae140 = '请至少选择一个参保险种';
  else if (types.some((t) => !hasOption(INSURANCE_TYPES, t))) errors.aae140 = '参保险种不正确';
  else if (str(body, 'aab019') === '10' && !types.includes('110')) {
    errors.aae140 = '企业单位须参加企业职工基本养老保险（110）';
  }
  const insuredDate = need(errors, body, 'aae030', '请选择参保日期');
  if (insuredDate && !isCompactDate(insuredDate)) errors.aae030 = '参保日期格式应为yyyyMMdd';
  else if (insuredDate && insuredDate > chinaDateDigits(today)) errors.aae030 = '参保日期不能晚于当前日期';
  return errors;
}

/**
 * What a first save warns about (the form is valid, but the agency wants a 继续): a 工伤风险类别 other than
 * the industry's usual class, and a 参保日期 before the unit was established.
 */
export function registrationWarnings(body: Body, unit: VerifiedUnit): string[] {
  const warnings: string[] = [];
  const industry = str(body, 'aab022');
  const usual = injuryRiskClassOf(industry);
  const chosen = str(body, 'aab118');
  if (usual !== undefined && chosen !== String(usual)) {
    const name = INDUSTRY_DIVISIONS.entries.find((d) => d.industryCode === industry)?.name ?? '';
    warnings.push(
      `您选择的工伤保险行业风险类别为“${riskClassName(chosen)}”，与行业“[${industry}] ${name}”对应的风险类别“${riskClassName(usual)}”不一致，工伤保险基准费率将按所选类别核定。`,
    );
  }
  const insuredDate = str(body, 'aae030');
  const established = unit.establishedDate.replaceAll('-', '');
  if (insuredDate && established && insuredDate < established) {
    warnings.push(`参保日期（${insuredDate}）早于单位成立日期（${established}），请确认是否需要补缴。`);
  }
  return warnings;
}
