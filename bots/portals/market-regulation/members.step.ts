import { checkboxes, datePicker, divSelect, radio, text, upload } from '../../runtime/widgets/index.ts';
import { button, label, wizardPages } from '../common/standard-pages.ts';

const { page } = wizardPages('企业设立登记 —');

import { ETHNICITY, GENDER, ID_TYPES, NATIONALITY, POLITICAL, YES_NO } from './options.ts';

/** Step 3 人员信息: board/supervisors, then one fieldset per member (成员 1, 成员 2, …) added with 添加成员. */
export const membersStep = page('人员信息', {
  pageErrorField: 'members',
  fields: [
    { field: 'hasBoard', find: label('是否设董事会'), widget: radio(YES_NO) },
    { field: 'hasSupervisoryBoard', find: label('是否设监事会'), widget: radio(YES_NO) },
    {
      group: 'members',
      row: (n) => ({ legend: `成员 ${n}` }),
      add: button('＋ 添加成员'),
      remove: button('删除'),
      bindings: [
        { field: 'name', find: label('姓名'), widget: text() },
        { field: 'idType', find: label('证件类型'), widget: divSelect(ID_TYPES) },
        { field: 'idNumber', find: label('证件号码'), widget: text() },
        { field: 'gender', find: label('性别'), widget: radio(GENDER) },
        {
          field: 'birthDate',
          find: label('出生日期'),
          widget: datePicker({ wire: 'yyyy-MM-dd', shown: 'yyyy-MM-dd' }),
        },
        { field: 'ethnicity', find: label('民族'), widget: divSelect(ETHNICITY) },
        { field: 'nationality', find: label('国籍'), widget: divSelect(NATIONALITY) },
        { field: 'politicalStatus', find: label('政治面貌'), widget: divSelect(POLITICAL) },
        { field: 'address', find: label('住址'), widget: text() },
        { field: 'mobile', find: label('移动电话'), widget: text() },
        { field: 'email', find: label('电子邮箱'), widget: text() },
        { field: 'roles', find: label('职务/角色'), widget: checkboxes() },
        { field: 'idFrontPhoto', find: label('身份证正面照片'), widget: upload(), personal: true },
        { field: 'idBackPhoto', find: label('身份证反面照片'), widget: upload(), personal: true },
      ],
    },
  ],
});
