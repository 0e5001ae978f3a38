import { DOMICILE_USES, domicileInFull } from './codecs.ts';
import { computed, el, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 单位医疗保险登记 (医疗保障局). */
export const medicalInsurance: ItemDef = {
  id: 'medical-insurance',
  name: '单位医疗保险登记',
  department: '医疗保障局',
  timeLimitDays: 0.5,
  sandbox: true,
  fields: [
    el('unitName', '单位名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    el('unitType', '单位类型', 'company.unitCategory'),
    el('economicType', '经济类型', 'company.economicType'),
    el('affiliation', '隶属关系', 'company.affiliation'),
    el('industryCode', '行业', 'company.industryCode'),
    computed('unitAddress', '单位地址', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    el('postcode', '邮政编码', 'company.postcode'),
    el('unitPhone', '单位电话', 'company.phone'),
    personField('legalRep.name', '法定代表人姓名', '法定代表人', 'name'),
    personField('legalRep.idNumber', '法定代表人证件号码', '法定代表人', 'idNumber'),
    personField('legalRep.phone', '法定代表人电话', '法定代表人', 'mobile'),
    personField('specialist.name', '医保专管员姓名', '专管员', 'name'),
    personField('specialist.phone', '医保专管员电话', '专管员', 'mobile'),
    el('bank', '开户银行', 'bank.accountBank'),
    el('accountNo', '银行账号', 'bank.accountNo'),
    el('insuranceTypes', '险种', 'insurance.medicalTypes'),
    el('insuredDate', '参保日期', 'insurance.insuredDate'),
  ],
  produces: [{ id: 'medicalInsuranceNo', label: '单位医保编号' }],
};
