import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 银行预约开户 (基本存款账户) on the bank portal. */
export const itemId = 'bank-account' as const;

export const fields: readonly ManifestField[] = [
  field('companyName', '企业名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('registeredAddress', '注册地址', 'text'),
  field('accountType', '账户类型', 'enum'),
  field('bank', '开户银行', 'enum'),
  field('branch', '开户网点', 'enum'),
  field('appointment.date', '预约日期', 'date'),
  field('appointment.slot', '预约时段', 'enum'),
  field('contact.name', '联系人姓名', 'text'),
  field('contact.mobile', '联系人手机', 'text'),
  field('legalRep.name', '法定代表人姓名', 'text'),
  field('legalRep.idNumber', '法定代表人证件号码', 'text'),
  field('legalRep.mobile', '法定代表人手机', 'text'),
  field('beneficialOwners[].name', '受益所有人姓名', 'text'),
  field('beneficialOwners[].idNumber', '受益所有人证件号码', 'text'),
  field('beneficialOwners[].ratio', '持股比例（%）', 'decimal'),
  field('services', '服务选项', 'multi', { required: false }),
];
