import type { StepDeclaration } from '../../runtime/types.ts';
import {
  checkboxes,
  datePicker,
  derived,
  divSelect,
  regionCascade,
  text,
  treeSelect,
} from '../../runtime/widgets/index.ts';
import { label } from '../common/standard-pages.ts';
import {
  AFFILIATION,
  ECONOMIC_TYPE,
  ID_TYPES,
  INSURANCE_TYPES,
  RISK_CLASSES,
  UNIT_TYPES,
} from './options.ts';

/**
 * Step 2 参保登记表: one table form whose labels are header cells. Name and code are locked (taken from the
 * verification); choosing the 行业 preselects the 工伤风险类别, which is then set as the item says.
 */
export const registerStep: StepDeclaration = {
  name: '填写参保登记表',
  ready: { text: '单位基本信息' },
  fields: [
    { field: 'unitName', find: label('单位名称'), widget: derived() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: derived() },
    { field: 'unitType', find: label('单位类型'), widget: divSelect(UNIT_TYPES) },
    { field: 'economicType', find: label('经济类型'), widget: divSelect(ECONOMIC_TYPE) },
    { field: 'affiliation', find: label('隶属关系'), widget: divSelect(AFFILIATION) },
    { field: 'unitPhone', find: label('单位电话'), widget: text() },
    { field: 'industryCode', find: label('行业'), widget: treeSelect() },
    { field: 'injuryRiskClass', find: label('工伤保险行业风险类别'), widget: divSelect(RISK_CLASSES) },
    { field: 'region', find: label('所属区划'), widget: regionCascade() },
    { field: 'unitAddress', find: label('单位地址'), widget: text() },
    { field: 'postcode', find: label('邮政编码'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人姓名'), widget: text() },
    { field: 'legalRep.idType', find: label('法定代表人证件类型'), widget: divSelect(ID_TYPES) },
    { field: 'legalRep.idNumber', find: label('法定代表人证件号码'), widget: text() },
    { field: 'legalRep.phone', find: label('法定代表人电话'), widget: text() },
    { field: 'specialist.name', find: label('社保专管员姓名'), widget: text() },
    { field: 'specialist.department', find: label('社保专管员部门'), widget: text() },
    { field: 'specialist.idNumber', find: label('社保专管员证件号码'), widget: text() },
    { field: 'specialist.phone', find: label('社保专管员电话'), widget: text() },
    { field: 'payAccount.accountName', find: label('缴费账户开户名'), widget: text() },
    { field: 'payAccount.bank', find: label('缴费账户开户银行'), widget: text() },
    { field: 'payAccount.accountNo', find: label('缴费账户银行账号'), widget: text() },
    { field: 'insuranceTypes', find: label('参保险种'), widget: checkboxes(INSURANCE_TYPES) },
    {
      field: 'insuredDate',
      find: label('参保日期'),
      widget: datePicker({ wire: 'yyyyMMdd', shown: 'yyyyMMdd' }),
    },
  ],
};
