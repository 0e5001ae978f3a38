import { datePicker, divSelect, text } from '../../runtime/widgets/index.ts';
import { button, label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('企业设立登记 —');

/** Step 4 出资信息: one row per shareholder (the page offers them from step 3). */
export const capitalStep = page('出资信息', {
  pageErrorField: 'contributions',
  fields: [
    {
      group: 'contributions',
      row: (n) => ({ legend: `出资 ${n}` }),
      add: button('＋ 添加出资'),
      remove: button('删除'),
      bindings: [
        { field: 'shareholderName', find: label('股东名称'), widget: divSelect() },
        { field: 'subscribedCapital', find: label('认缴出资额（万元）'), widget: text() },
        { field: 'method', find: label('出资方式'), widget: divSelect() },
        { field: 'ratio', find: label('出资比例（%）'), widget: text() },
        {
          field: 'deadline',
          find: label('认缴出资期限'),
          widget: datePicker({ wire: 'yyyy-MM-dd', shown: 'yyyy-MM-dd' }),
        },
      ],
    },
  ],
});
