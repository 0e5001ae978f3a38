import {
  compactDate,
  DOMICILE_USES,
  domicileInFull,
  ID_TYPE_SOCIAL,
  UNIT_CATEGORY_SOCIAL,
} from './codecs.ts';
import { computed, el, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 单位社会保险登记 (人力资源和社会保障局): its own code lists and a compact yyyyMMdd 参保日期. */
export const socialInsurance: ItemDef = {
  id: 'social-insurance',
  name: '单位社会保险登记',
  department: '人力资源和社会保障局',
  timeLimitDays: 0.5,
  sandbox: true,
  fields: [
    el('unitName', '单位名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    el('unitType', '单位类型', 'company.unitCategory', { wire: UNIT_CATEGORY_SOCIAL }),
    el('economicType', '经济类型', 'company.economicType'),
    el('affiliation', '隶属关系', 'company.affiliation'),
    el('industryCode', '行业', 'company.industryCode'),
    el('injuryRiskClass', '工伤保险行业风险类别', 'company.injuryRiskClass'),
    computed('unitAddress', '单位地址', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    el('region', '所属区划', 'company.domicile.region'),
    el('postcode', '邮政编码', 'company.postcode'),
    el('unitPhone', '单位电话', 'company.phone'),
    personField('legalRep.name', '法定代表人姓名', '法定代表人', 'name'),
    personField('legalRep.idType', '法定代表人证件类型', '法定代表人', 'idType', { wire: ID_TYPE_SOCIAL }),
    personField('legalRep.idNumber', '法定代表人证件号码', '法定代表人', 'idNumber'),
    personField('legalRep.phone', '法定代表人电话', '法定代表人', 'mobile'),
    personField('specialist.name', '社保专管员姓名', '专管员', 'name'),
    el('specialist.department', '社保专管员部门', 'insurance.specialistDepartment'),
    personField('specialist.phone', '社保专管员电话', '专管员', 'mobile'),
    personField('specialist.idNumber', '社保专管员证件号码', '专管员', 'idNumber'),
    el('payAccount.accountName', '缴费账户开户名', 'company.name'),
    el('payAccount.bank', '缴费账户开户银行', 'bank.accountBank'),
    el('payAccount.accountNo', '缴费账户银行账号', 'bank.accountNo'),
    el('insuranceTypes', '参保险种', 'insurance.socialTypes'),
    el('insuredDate', '参保日期', 'insurance.insuredDate', { wire: compactDate }),
  ],
  produces: [{ id: 'socialInsuranceNo', label: '单位社保编号' }],
};
