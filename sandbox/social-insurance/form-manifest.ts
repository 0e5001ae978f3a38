import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 单位社会保险登记 on the social-insurance portal. */
export const itemId = 'social-insurance' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('unitType', '单位类型', 'enum'),
  field('economicType', '经济类型', 'enum'),
  field('affiliation', '隶属关系', 'enum'),
  field('industryCode', '行业', 'code'),
  field('injuryRiskClass', '工伤保险行业风险类别', 'enum'),
  field('unitAddress', '单位地址', 'text'),
  field('region', '所属区划', 'region'),
  field('postcode', '邮政编码', 'text'),
  field('unitPhone', '单位电话', 'text'),
  field('legalRep.name', '法定代表人姓名', 'text'),
  field('legalRep.idType', '法定代表人证件类型', 'enum'),
  field('legalRep.idNumber', '法定代表人证件号码', 'text'),
  field('legalRep.phone', '法定代表人电话', 'text'),
  field('specialist.name', '社保专管员姓名', 'text'),
  field('specialist.department', '社保专管员部门', 'text'),
  field('specialist.phone', '社保专管员电话', 'text'),
  field('specialist.idNumber', '社保专管员证件号码', 'text'),
  field('payAccount.accountName', '缴费账户开户名', 'text'),
  field('payAccount.bank', '缴费账户开户银行', 'text'),
  field('payAccount.accountNo', '缴费账户银行账号', 'text'),
  field('insuranceTypes', '参保险种', 'multi'),
  field('insuredDate', '参保日期', 'date'),
];
