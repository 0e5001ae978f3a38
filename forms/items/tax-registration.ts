import { ID_TYPE_TAX } from './codecs.ts';
import { el, personField } from './define.ts';
import type { ItemDef } from './types.ts';

/** 新办纳税人涉税事项 (税务局): logs in with the credit code; reports the bank account. */
export const taxRegistration: ItemDef = {
  id: 'tax-registration',
  name: '新办纳税人涉税事项',
  department: '税务局',
  timeLimitDays: 0.5,
  sandbox: true,
  fields: [
    el('login.taxpayerId', '纳税人识别号', 'company.creditCode'),
    el('login.taxpayerName', '纳税人名称', 'company.name'),
    personField('login.legalRepIdNumber', '法定代表人证件号码', '法定代表人', 'idNumber'),
    el('accountingMethod', '核算方式', 'company.accountingMethod'),
    el('employees', '从业人数', 'company.employees'),
    el('accountingStandard', '适用会计制度', 'tax.accountingStandard'),
    personField('financeOfficer.name', '财务负责人姓名', '财务负责人', 'name'),
    personField('financeOfficer.idType', '财务负责人证件类型', '财务负责人', 'idType', { wire: ID_TYPE_TAX }),
    personField('financeOfficer.idNumber', '财务负责人证件号码', '财务负责人', 'idNumber'),
    personField('financeOfficer.mobile', '财务负责人手机', '财务负责人', 'mobile'),
    personField('taxAgent.name', '办税人姓名', '办税人', 'name'),
    personField('taxAgent.idType', '办税人证件类型', '办税人', 'idType', { wire: ID_TYPE_TAX }),
    personField('taxAgent.idNumber', '办税人证件号码', '办税人', 'idNumber'),
    personField('taxAgent.mobile', '办税人手机', '办税人', 'mobile'),
    el('generalTaxpayer', '是否登记为增值税一般纳税人', 'tax.generalTaxpayer'),
    el('mainBusinessCategory', '主营业务类别', 'tax.mainBusinessCategory', {
      when: { field: 'generalTaxpayer', equals: '1' },
    }),
    el('invoiceTypes', '票种', 'tax.invoiceTypes'),
    el('taxUkey', '是否申领税务UKey', 'tax.ukey'),
    el('depositAccount.bank', '存款账户开户银行', 'bank.accountBank'),
    el('depositAccount.accountNo', '存款账户账号', 'bank.accountNo'),
    el('depositAccount.nature', '账户性质', 'tax.depositAccountNature'),
  ],
  produces: [
    { id: 'taxAcceptanceNo', label: '税务受理号' },
    { id: 'taxOffice', label: '主管税务机关' },
  ],
};
