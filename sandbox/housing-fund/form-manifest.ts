import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 住房公积金单位缴存登记 on the housing-fund portal. */
export const itemId = 'housing-fund' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位全称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('unitAddress', '单位地址', 'text'),
  field('postcode', '邮政编码', 'text'),
  field('region', '行政区划', 'region'),
  field('unitType', '单位类型', 'enum'),
  field('unitNature', '单位性质', 'enum'),
  field('affiliation', '隶属关系', 'enum'),
  field('legalRep.name', '法定代表人姓名', 'text'),
  field('legalRep.idNumber', '法定代表人身份证号码', 'text'),
  field('legalRep.idCopy', '法定代表人身份证复印件', 'upload'),
  field('agent.name', '经办人姓名', 'text'),
  field('agent.idNumber', '经办人证件号码', 'text'),
  field('agent.officePhone', '经办人办公电话', 'text'),
  field('agent.mobile', '经办人手机', 'text'),
  field('employees', '职工人数', 'int'),
  field('startMonth', '启缴年月', 'month'),
  field('monthlyWageBase', '月缴存工资基数总额（元）', 'decimal'),
  field('employerRate', '单位缴存比例（%）', 'int'),
  field('employeeRate', '个人缴存比例（%）', 'int'),
  field('payday', '发薪日', 'int'),
  field('collection.bank', '委托收款开户银行', 'text'),
  field('collection.accountNo', '委托收款账号', 'text'),
];
