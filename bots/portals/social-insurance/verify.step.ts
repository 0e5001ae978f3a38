import type { StepDeclaration } from '../../runtime/types.ts';
import { text } from '../../runtime/widgets/index.ts';
import { button, label } from '../common/standard-pages.ts';

/** Step 1 单位信息核验: the unit is checked against what market regulation shared (sync lag shows here). */
export const verifyStep: StepDeclaration = {
  name: '单位信息核验',
  ready: { text: '单位信息核验' },
  next: button('核验'),
  fields: [
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'unitName', find: label('单位名称'), widget: text() },
  ],
};
