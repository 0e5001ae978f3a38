import type { StepDeclaration } from '../../runtime/types.ts';
import { datePicker, divSelect, text } from '../../runtime/widgets/index.ts';
import { button, heading, label } from '../common/standard-pages.ts';

/** Step 4 出资信息: one row per shareholder (the page offers them from step 3). */
export const capitalStep: StepDeclaration = {
  name: '出资信息',
  ready: heading('企业设立登记 — 出资信息'),
  next: button('保存并下一步'),
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
};
