import type { Binding } from '../../runtime/types.ts';
import { divSelect, radio, text } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('新办纳税人涉税事项 —');

const ID_TYPES = {
  '201': '居民身份证',
  '208': '外国护照',
  '210': '港澳居民来往内地通行证',
  '213': '台湾居民来往大陆通行证',
};
const ACCOUNTING_METHODS = { '1': '独立核算', '2': '非独立核算' };
const ACCOUNTING_STANDARDS = {
  '101': '企业会计准则',
  '102': '小企业会计准则',
  '103': '民间非营利组织会计制度',
};

/** One row of the 财务负责人/办税人 grid: the boxes are found by their row head and column head. */
const person = (prefix: string, row: string): Binding[] => [
  { field: `${prefix}.name`, find: { row, column: '姓名' }, widget: text() },
  { field: `${prefix}.idType`, find: { row, column: '身份证件种类' }, widget: divSelect(ID_TYPES) },
  { field: `${prefix}.idNumber`, find: { row, column: '身份证件号码' }, widget: text() },
  { field: `${prefix}.mobile`, find: { row, column: '移动电话' }, widget: text() },
];

/** Step 1 登记信息确认: what the tax side adds to the shared registration, and the people grid. */
export const infoStep = page('登记信息确认', {
  fields: [
    { field: 'accountingMethod', find: label('核算方式'), widget: radio(ACCOUNTING_METHODS) },
    { field: 'employees', find: label('从业人数'), widget: text() },
    { field: 'accountingStandard', find: label('适用会计制度'), widget: divSelect(ACCOUNTING_STANDARDS) },
    ...person('financeOfficer', '财务负责人'),
    ...person('taxAgent', '办税人'),
  ],
});
