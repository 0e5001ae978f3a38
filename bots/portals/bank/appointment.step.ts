import type { StepDeclaration, Values } from '../../runtime/types.ts';
import { appointmentSlots, checkboxes, divSelect, radio, text } from '../../runtime/widgets/index.ts';
import { heading, label } from '../common/standard-pages.ts';

/**
 * The one-page 预约开户 form: company, bank and branch (the branch list loads for the bank and the district of
 * the registered address), a date and a free slot, people, beneficial owners (添加 rows) and services.
 */
export const appointmentStep: StepDeclaration = {
  name: '填写预约信息',
  ready: heading('单位银行结算账户预约开户'),
  pageErrorField: 'beneficialOwners',
  fields: [
    { field: 'companyName', find: label('企业名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'accountType', find: label('账户类型'), widget: radio() },
    { field: 'registeredAddress', find: label('注册地址'), widget: text() },
    { field: 'bank', find: label('开户银行'), widget: divSelect() },
    { field: 'branch', find: label('开户网点'), widget: divSelect() },
    {
      // Date and slot are one choice on this page: a full day moves the booking to the next one.
      field: 'appointment',
      value: (values: Values) => ({ date: values['appointment.date'], slot: values['appointment.slot'] }),
      find: label('预约时段'),
      widget: appointmentSlots({
        date: label('预约日期'),
        shown: 'yyyy-MM-dd',
        // What the slot list says instead of tiles: a day without free slots, or "请先选择开户网点" when
        // the page lost the branch the slots load for.
        texts: { noSlots: /暂无|不可预约|已约满/, lost: /请先|失败/ },
      }),
    },
    { field: 'contact.name', find: label('联系人姓名'), widget: text() },
    { field: 'contact.mobile', find: label('联系人手机'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人姓名'), widget: text() },
    { field: 'legalRep.idNumber', find: label('法定代表人证件号码'), widget: text() },
    { field: 'legalRep.mobile', find: label('法定代表人手机'), widget: text() },
    {
      group: 'beneficialOwners',
      row: (n) => ({ legend: `受益所有人 ${n}` }),
      add: { role: 'button', name: '＋ 添加受益所有人' },
      remove: { role: 'button', name: '删除' },
      bindings: [
        { field: 'name', find: label('受益所有人姓名'), widget: text() },
        { field: 'idNumber', find: label('受益所有人证件号码'), widget: text() },
        { field: 'ratio', find: label('持股比例（%）'), widget: text() },
      ],
    },
    { field: 'services', find: label('服务选项'), widget: checkboxes() },
  ],
};
