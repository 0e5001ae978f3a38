import type { StepDeclaration } from '../../runtime/types.ts';
import {
  checkboxes,
  datePicker,
  divSelect,
  radio,
  readAndAccept,
  text,
  upload,
} from '../../runtime/widgets/index.ts';
import { chinaToday, splitAddress, todayPicker } from '../common/address-and-date.ts';
import { heading, label } from '../common/standard-pages.ts';

/** The bureau's 承诺事项, all of which an applicant must tick. */
const PLEDGES = [
  '招牌设置不影响建筑物结构安全',
  '招牌文字规范使用国家通用语言文字',
  '按规定做好日常维护和安全检查',
];

/**
 * The whole application on one Ant Design Vue page: 申请单位, 招牌信息 (设置地点 in a cascader whose columns
 * load one after another, the material from a searchable select, radios for 是否发光, a-upload for the
 * 效果图), 办理信息 (a month picker and a date picker, a checkbox group of pledges) and the 承诺书 signed in
 * a modal over the form. The page posts by XHR.
 */
export const applicationStep: StepDeclaration = {
  name: '填写户外招牌设置申请',
  ready: heading('户外招牌设置申请'),
  fields: [
    { field: 'unitName', find: label('单位名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'contact.name', find: label('联系人'), widget: text() },
    { field: 'contact.mobile', find: label('联系人手机'), widget: text() },
    // 设置地点 in one line, as the bureau's form asks it: 省/市/区 in the cascader, the rest typed.
    ...splitAddress('location', { region: '设置地点', detail: '详细地址' }),
    { field: 'text', find: label('招牌文字'), widget: text() },
    { field: 'size.length', find: label('长（m）'), widget: text() },
    { field: 'size.width', find: label('宽（m）'), widget: text() },
    { field: 'material', find: label('材质'), widget: divSelect() },
    { field: 'illuminated', find: label('是否发光'), widget: radio({ '1': '是', '0': '否' }) },
    { field: 'rendering', find: label('效果图'), widget: upload('上传效果图') },
    // The sign goes up this month at the earliest.
    {
      field: 'plannedMonth',
      find: label('拟设置时间'),
      widget: datePicker({ wire: 'yyyy-MM', shown: 'yyyy-MM', month: true }),
      value: () => chinaToday().slice(0, 7),
    },
    todayPicker('applicationDate', '申请日期'),
    { field: 'pledges', find: label('承诺事项'), widget: checkboxes(), value: () => PLEDGES },
    {
      field: 'commitment',
      find: label('承诺书'),
      widget: readAndAccept('我已阅读并同意《户外招牌设置承诺书》', '我已阅读并承诺'),
      value: () => '1',
    },
  ],
};
