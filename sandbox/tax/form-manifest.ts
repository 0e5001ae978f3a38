import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 新办纳税人涉税事项 on the tax portal; the three `login.*` fields are its tax-style login. */
export const itemId = 'tax-registration' as const;

export const fields: readonly ManifestField[] = [
  field('login.taxpayerId', '纳税人识别号', 'text'),
  field('login.taxpayerName', '纳税人名称', 'text'),
  field('login.legalRepIdNumber', '法定代表人证件号码', 'text'),
  field('accountingMethod', '核算方式', 'enum'),
  field('employees', '从业人数', 'int'),
  field('accountingStandard', '适用会计制度', 'enum'),
  field('financeOfficer.name', '财务负责人姓名', 'text'),
  field('financeOfficer.idType', '财务负责人证件类型', 'enum'),
  field('financeOfficer.idNumber', '财务负责人证件号码', 'text'),
  field('financeOfficer.mobile', '财务负责人手机', 'text'),
  field('taxAgent.name', '办税人姓名', 'text'),
  field('taxAgent.idType', '办税人证件类型', 'enum'),
  field('taxAgent.idNumber', '办税人证件号码', 'text'),
  field('taxAgent.mobile', '办税人手机', 'text'),
  field('generalTaxpayer', '是否登记为增值税一般纳税人', 'bool'),
  field('mainBusinessCategory', '主营业务类别', 'enum', { when: { field: 'generalTaxpayer', equals: '1' } }),
  field('invoiceTypes', '票种', 'multi'),
  field('taxUkey', '是否申领税务UKey', 'bool'),
  field('depositAccount.bank', '存款账户开户银行', 'text'),
  field('depositAccount.accountNo', '存款账户账号', 'text'),
  field('depositAccount.nature', '账户性质', 'enum'),
];
