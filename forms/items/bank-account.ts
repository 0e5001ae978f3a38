import { scalar } from '../model/values.ts';
import { DOMICILE_USES, domicileInFull } from './codecs.ts';
import { computed, directive, el, group, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 银行预约开户 (基本存款账户): needs the credit code; produces the account the later items pay from. */
export const bankAccount: ItemDef = {
  id: 'bank-account',
  name: '银行预约开户',
  department: '开户银行',
  timeLimitDays: 1,
  sandbox: true,
  fields: [
    el('companyName', '企业名称', 'company.name'),
    el('creditCode', '统一社会信用代码', 'company.creditCode'),
    computed('registeredAddress', '注册地址', DOMICILE_USES, ({ values }) => domicileInFull(values)),
    computed('accountType', '账户类型', [], () => '基本存款账户'),
    el('bank', '开户银行', 'bank.bank'),
    directive(
      'branch',
      '开户网点',
      ['company.domicile.region'],
      ({ values }) => `auto:first-in-district:${scalar(values, 'company.domicile.region') ?? ''}`,
    ),
    directive('appointment.date', '预约日期', [], () => 'auto:earliest-free'),
    directive('appointment.slot', '预约时段', [], () => 'auto:earliest-free'),
    personField('contact.name', '联系人姓名', '联络员', 'name'),
    personField('contact.mobile', '联系人手机', '联络员', 'mobile'),
    personField('legalRep.name', '法定代表人姓名', '法定代表人', 'name'),
    personField('legalRep.idNumber', '法定代表人证件号码', '法定代表人', 'idNumber'),
    personField('legalRep.mobile', '法定代表人手机', '法定代表人', 'mobile'),
    group('beneficialOwners', '受益所有人', 'beneficialOwners', [
      el('name', '受益所有人姓名', 'persons[].name'),
      el('idNumber', '受益所有人证件号码', 'persons[].idNumber'),
      el('ratio', '持股比例（%）', 'beneficialOwners[].ratio'),
    ]),
    el('services', '服务选项', 'bank.services', { required: false }),
  ],
  produces: [
    { id: 'appointmentNo', label: '预约号' },
    { id: 'accountNo', label: '账号', element: 'bank.accountNo' },
    { id: 'bankName', label: '开户网点', element: 'bank.accountBank' },
    // Where and when the legal representative must go to open the account (the 办结通知书's next step).
    { id: 'appointmentTime', label: '预约时间' },
    { id: 'branchAddress', label: '网点地址' },
  ],
};
