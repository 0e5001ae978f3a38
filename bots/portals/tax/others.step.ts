import { checkboxes, divSelect, radio, text } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page, last } = wizardPages('新办纳税人涉税事项 —');

const YES_NO = { '1': '是', '0': '否' };
/** Step 2 增值税一般纳税人登记 (主营业务类别 only when registering as a general taxpayer). */
export const generalTaxpayerStep = page('增值税一般纳税人登记', {
  fields: [
    { field: 'generalTaxpayer', find: label('是否登记为增值税一般纳税人'), widget: radio(YES_NO) },
    { field: 'mainBusinessCategory', find: label('主营业务类别'), widget: divSelect() },
  ],
});

/** Step 3 发票票种核定. */
export const invoiceStep = page('发票票种核定', {
  fields: [
    { field: 'invoiceTypes', find: label('票种'), widget: checkboxes() },
    { field: 'taxUkey', find: label('是否申领税务UKey'), widget: radio(YES_NO) },
  ],
});

/** Step 4 存款账户账号报告 (the account the bank item produced). */
export const depositStep = page('存款账户账号报告', {
  fields: [
    { field: 'depositAccount.bank', find: label('开户银行'), widget: text() },
    { field: 'depositAccount.accountNo', find: label('账号'), widget: text() },
    { field: 'depositAccount.nature', find: label('账户性质'), widget: divSelect() },
  ],
});

/** Step 5 确认提交: nothing to type; 检查 must pass before 提交 enables. */
export const confirmStep = last('确认提交', {
  fields: [],
});
