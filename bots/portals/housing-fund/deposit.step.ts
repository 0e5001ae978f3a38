import { datePicker, text } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('单位缴存登记（开户）—');

/** Step 2 缴存信息: headcount, 启缴年月 (a month picker writing yyyyMM), wage base, rates, collection account. */
export const depositStep = page('缴存信息', {
  fields: [
    { field: 'employees', find: label('职工人数'), widget: text() },
    {
      field: 'startMonth',
      find: label('启缴年月'),
      widget: datePicker({ wire: 'yyyyMM', shown: 'yyyyMM', month: true }),
    },
    { field: 'monthlyWageBase', find: label('月缴存工资基数总额（元）'), widget: text() },
    { field: 'employerRate', find: label('单位缴存比例（%）'), widget: text() },
    { field: 'employeeRate', find: label('个人缴存比例（%）'), widget: text() },
    { field: 'payday', find: label('发薪日'), widget: text() },
    { field: 'collection.bank', find: label('委托收款开户银行'), widget: text() },
    { field: 'collection.accountNo', find: label('委托收款账号'), widget: text() },
  ],
});
