import { divSelect, radio, regionCascade, text } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('单位缴存登记（开户）—');

import { AFFILIATION, UNIT_NATURES, UNIT_TYPES } from './options.ts';

/** Step 1 单位基本信息: the unit, its legal representative and the 经办人. */
export const unitStep = page('单位基本信息', {
  fields: [
    { field: 'unitName', find: label('单位全称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'unitType', find: label('单位类型'), widget: radio(UNIT_TYPES) },
    { field: 'unitNature', find: label('单位性质'), widget: divSelect(UNIT_NATURES) },
    { field: 'affiliation', find: label('隶属关系'), widget: divSelect(AFFILIATION) },
    { field: 'region', find: label('行政区划'), widget: regionCascade() },
    { field: 'unitAddress', find: label('单位地址'), widget: text() },
    { field: 'postcode', find: label('邮政编码'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人姓名'), widget: text() },
    { field: 'legalRep.idNumber', find: label('法定代表人身份证号码'), widget: text() },
    { field: 'agent.name', find: label('经办人姓名'), widget: text() },
    { field: 'agent.idNumber', find: label('经办人证件号码'), widget: text() },
    { field: 'agent.officePhone', find: label('经办人办公电话'), widget: text() },
    { field: 'agent.mobile', find: label('经办人手机'), widget: text() },
  ],
});
