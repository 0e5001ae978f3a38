import { attach, compactMonth, DOMICILE_USES, domicileInFull } from './codecs.ts';
import { computed, el, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 住房公积金单位缴存登记 (住房公积金管理中心): 启缴年月 as yyyyMM; an account needs at least one employee. */
export const housingFund: ItemDef = {
  id: 'housing-fund',
  name: '住房公积金单位缴存登记',
  department: '住房公积金管理中心',
  timeLimitDays: 0.5,
  sandbox: true,
  fields: [
    el('unitName', '单位全称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    computed('unitAddress', '单位地址', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    el('postcode', '邮政编码', 'company.postcode'),
    el('region', '行政区划', 'company.domicile.region'),
    el('unitType', '单位类型', 'company.fundUnitType'),
    el('unitNature', '单位性质', 'company.fundUnitNature'),
    el('affiliation', '隶属关系', 'company.affiliation'),
    personField('legalRep.name', '法定代表人姓名', '法定代表人', 'name'),
    personField('legalRep.idNumber', '法定代表人身份证号码', '法定代表人', 'idNumber'),
    personField('legalRep.idCopy', '法定代表人身份证复印件', '法定代表人', 'idFrontPhoto', { wire: attach }),
    personField('agent.name', '经办人姓名', '经办人', 'name'),
    personField('agent.idNumber', '经办人证件号码', '经办人', 'idNumber'),
    el('agent.officePhone', '经办人办公电话', 'fund.agentOfficePhone'),
    personField('agent.mobile', '经办人手机', '经办人', 'mobile'),
    el('employees', '职工人数', 'company.employees', { constraints: { min: 1 } }),
    el('startMonth', '启缴年月', 'fund.startMonth', { wire: compactMonth }),
    el('monthlyWageBase', '月缴存工资基数总额（元）', 'fund.monthlyWageBase'),
    el('employerRate', '单位缴存比例（%）', 'fund.employerRate'),
    el('employeeRate', '个人缴存比例（%）', 'fund.employeeRate'),
    el('payday', '发薪日', 'fund.payday'),
    el('collection.bank', '委托收款开户银行', 'bank.accountBank'),
    el('collection.accountNo', '委托收款账号', 'bank.accountNo'),
  ],
  produces: [{ id: 'fundAccountNo', label: '单位公积金账号' }],
};
