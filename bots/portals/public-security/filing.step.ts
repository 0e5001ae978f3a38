import type { StepDeclaration } from '../../runtime/types.ts';
import { divSelect, radio, smsCode, text } from '../../runtime/widgets/index.ts';
import { heading, label } from '../common/standard-pages.ts';

/** 印章类型 as the bureau lists it (wire value → text shown). */
const SEAL_TYPES = {
  '01': '单位公章',
  '02': '财务专用章',
  '03': '发票专用章',
  '04': '合同专用章',
  '05': '法定代表人名章',
};
const PICKUP = { '1': '到刻章企业自取', '2': '邮寄' };
/**
 * The one-page 公章刻制备案 form: unit, people, seal rows (印章 1…5, 添加印章), the district's engraving companies
 * (loaded once the credit code is typed), pickup, and the SMS code sent to the 经办人.
 */
export const filingStep: StepDeclaration = {
  name: '填写备案申请',
  ready: heading('公章刻制备案申请'),
  pageErrorField: 'seals',
  fields: [
    { field: 'unitName', find: label('单位名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'unitType', find: label('单位类型'), widget: divSelect() },
    { field: 'unitAddress', find: label('单位地址'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人姓名'), widget: text() },
    { field: 'legalRep.idNumber', find: label('法定代表人证件号码'), widget: text() },
    { field: 'legalRep.mobile', find: label('法定代表人手机'), widget: text() },
    { field: 'agent.name', find: label('经办人姓名'), widget: text() },
    { field: 'agent.idNumber', find: label('经办人证件号码'), widget: text() },
    { field: 'agent.mobile', find: label('经办人手机'), widget: text() },
    {
      group: 'seals',
      row: (n) => ({ legend: `印章 ${n}` }),
      add: { role: 'button', name: '＋ 添加印章' },
      remove: { role: 'button', name: '删除' },
      // The type first: choosing it fills in the 印文 and the usual 规格, which are then set as the item says.
      bindings: [
        { field: 'type', find: label('印章类型'), widget: divSelect(SEAL_TYPES) },
        { field: 'size', find: label('规格'), widget: divSelect() },
        { field: 'material', find: label('材质'), widget: divSelect() },
        { field: 'quantity', find: label('数量'), widget: text() },
        { field: 'text', find: label('印文'), widget: text(), personal: false },
      ],
    },
    { field: 'engravingCompany', find: label('刻章企业'), widget: divSelect() },
    { field: 'pickup.method', find: label('领取方式'), widget: radio(PICKUP) },
    { field: 'pickup.address', find: label('邮寄地址'), widget: text(), personal: true },
    {
      field: 'smsCode',
      find: label('短信验证码'),
      // The page says 验证码…5分钟内有效.
      widget: smsCode({ button: '获取验证码', phoneField: 'agent.mobile', validForMs: 5 * 60_000 }),
    },
  ],
};
