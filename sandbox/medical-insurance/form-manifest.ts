import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 单位医疗保险登记 on the medical-insurance portal. */
export const itemId = 'medical-insurance' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('unitType', '单位类型', 'enum'),
  field('economicType', '经济类型', 'enum'),
  field('affiliation', '隶属关系', 'enum'),
  field('industryCode', '行业', 'code'),
  field('unitAddress', '单位地址', 'text'),
  field('postcode', '邮政编码', 'text'),
  field('unitPhone', '单位电话', 'text'),
  field('legalRep.name', '法定代表人姓名', 'text'),
  field('legalRep.idNumber', '法定代表人证件号码', 'text'),
  field('legalRep.phone', '法定代表人电话', 'text'),
  field('specialist.name', '医保专管员姓名', 'text'),
  field('specialist.phone', '医保专管员电话', 'text'),
  field('bank', '开户银行', 'text'),
  field('accountNo', '银行账号', 'text'),
  field('insuranceTypes', '险种', 'multi'),
  field('insuredDate', '参保日期', 'date'),
];
