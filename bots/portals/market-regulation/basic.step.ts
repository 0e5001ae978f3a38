import { divSelect, radio, regionCascade, text, treeSelect } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('企业设立登记 —');

import { ACCOUNTING_METHODS, CURRENCY, ESTABLISH_METHODS, OPERATING_TERMS, YES_NO } from './options.ts';

/** Step 1 基本信息: name, type (a tree with codes), domicile (省/市/区 cascade), capital, terms. */
export const basicStep = page('基本信息', {
  fields: [
    { field: 'companyName', find: label('企业名称'), widget: text() },
    { field: 'companyType', find: label('企业类型'), widget: treeSelect() },
    { field: 'establishMethod', find: label('设立方式'), widget: divSelect(ESTABLISH_METHODS) },
    { field: 'domicile.region', find: label('住所'), widget: regionCascade() },
    { field: 'domicile.detail', find: label('详细地址'), widget: text() },
    { field: 'businessAddress.sameAsDomicile', find: label('生产经营地址同住所'), widget: radio(YES_NO) },
    { field: 'businessAddress.region', find: label('生产经营地址'), widget: regionCascade() },
    { field: 'businessAddress.detail', find: label('经营地址详细地址'), widget: text() },
    { field: 'phone', find: label('联系电话'), widget: text(), personal: true },
    { field: 'postcode', find: label('邮政编码'), widget: text() },
    { field: 'registeredCapital', find: label('注册资本（万元）'), widget: text() },
    { field: 'currency', find: label('币种'), widget: divSelect(CURRENCY) },
    { field: 'employees', find: label('从业人数'), widget: text() },
    { field: 'accountingMethod', find: label('核算方式'), widget: radio(ACCOUNTING_METHODS) },
    { field: 'operatingTerm.type', find: label('经营期限'), widget: radio(OPERATING_TERMS) },
    { field: 'operatingTerm.years', find: label('经营期限（年）'), widget: text() },
  ],
});
