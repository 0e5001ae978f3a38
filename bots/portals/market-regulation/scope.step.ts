import { derived, modalPicker } from '../../runtime/widgets/index.ts';
import { label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('企业设立登记 —');

import { scopeName } from './options.ts';

/** Step 2 经营范围: items picked in a modal from the 规范表述 list, one flagged 主营; text and 行业 follow. */
export const scopeStep = page('经营范围', {
  pageErrorField: 'businessScope',
  fields: [
    {
      field: 'businessScope',
      find: label('经营范围条目'),
      widget: modalPicker({
        open: '选择经营范围',
        dialog: '选择经营范围（规范表述）',
        search: '输入关键字检索，如：软件',
        confirm: '确定',
        nameOf: scopeName,
        mainFlag: '主营',
      }),
    },
    // The page writes these itself from the chosen items; reading them back proves it agrees with us.
    { field: 'businessScopeText', find: label('经营范围'), widget: derived() },
    { field: 'industryCode', find: label('行业'), widget: derived() },
  ],
});
