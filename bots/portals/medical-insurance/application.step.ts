import { AFFILIATIONS, ECONOMIC_TYPES, INDUSTRY_DIVISIONS } from '../../../forms/codes/index.ts';
import type { StepDeclaration } from '../../runtime/types.ts';
import { checkboxes, datePicker, divSelect, text } from '../../runtime/widgets/index.ts';
import { heading, label } from '../common/standard-pages.ts';

const INSURANCE_TYPES = { '310': '310 职工基本医疗保险', '510': '510 生育保险' };

/**
 * The application form, a document of its own inside the portal page's frame (titled 单位参保登记表): unit,
 * people, bank account, 险种 and 参保日期; it posts by XHR and the window moves to the receipt by script.
 */
export const applicationStep: StepDeclaration = {
  name: '填写参保登记表',
  ready: heading('单位参保登记'),
  frame: { title: '单位参保登记表' },
  fields: [
    { field: 'unitName', find: label('单位名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'unitType', find: label('单位类型'), widget: divSelect() },
    {
      field: 'economicType',
      find: label('经济类型'),
      widget: divSelect((c) => ECONOMIC_TYPES.byCode(c)?.name),
    },
    { field: 'affiliation', find: label('隶属关系'), widget: divSelect((c) => AFFILIATIONS.byCode(c)?.name) },
    {
      field: 'industryCode',
      find: label('行业'),
      widget: divSelect((code) => {
        const division = INDUSTRY_DIVISIONS.entries.find((d) => d.industryCode === code);
        return division ? `${code} ${division.name}` : undefined;
      }),
    },
    { field: 'unitAddress', find: label('单位地址'), widget: text() },
    { field: 'postcode', find: label('邮政编码'), widget: text() },
    { field: 'unitPhone', find: label('单位电话'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人姓名'), widget: text() },
    { field: 'legalRep.idNumber', find: label('法定代表人证件号码'), widget: text() },
    { field: 'legalRep.phone', find: label('法定代表人电话'), widget: text() },
    { field: 'specialist.name', find: label('医保专管员姓名'), widget: text() },
    { field: 'specialist.phone', find: label('医保专管员电话'), widget: text() },
    { field: 'bank', find: label('开户银行'), widget: text() },
    { field: 'accountNo', find: label('银行账号'), widget: text() },
    { field: 'insuranceTypes', find: label('险种'), widget: checkboxes(INSURANCE_TYPES) },
    {
      field: 'insuredDate',
      find: label('参保日期'),
      widget: datePicker({ wire: 'yyyy-MM-dd', shown: 'yyyy-MM-dd' }),
    },
  ],
};
