import type { StepDeclaration } from '../../runtime/types.ts';
import { checkboxes, radio, readAndAccept, text, upload } from '../../runtime/widgets/index.ts';
import { splitAddress, todayPicker } from '../common/address-and-date.ts';
import { heading, label } from '../common/standard-pages.ts';

/**
 * The whole application on one layui page: 经营者 and 经营场所 (省/市/区 selects whose lists load one after
 * another, then the address), 经营信息 (radio and checkbox skins, laydate), the table of 食品安全管理人员 (one
 * row per person, 添加人员 for more, an upload in each row), the materials (layui.upload) and the 承诺书
 * signed in a layer dialog. The page posts by XHR.
 */
export const applicationStep: StepDeclaration = {
  name: '填写食品经营许可申请',
  ready: heading('食品经营许可申请（新办）'),
  fields: [
    { field: 'operatorName', find: label('经营者名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'legalRep.name', find: label('法定代表人（负责人）'), widget: text() },
    { field: 'domicile', find: label('住所'), widget: text() },
    // 经营场所 in one line, as the bureau's form asks it: 省/市/区 chosen, the rest typed.
    ...splitAddress('premises', { region: '经营场所', detail: '经营场所详细地址' }),
    { field: 'format', find: label('主体业态'), widget: radio() },
    { field: 'items', find: label('经营项目'), widget: checkboxes() },
    { field: 'area', find: label('经营面积（㎡）'), widget: text() },
    { field: 'seats', find: label('就餐座位数'), widget: text() },
    { field: 'employees', find: label('从业人员人数'), widget: text() },
    todayPicker('applicationDate', '申请日期'),
    {
      group: 'safetyManagers',
      row: (n) => ({ tableRow: String(n), table: '序号' }),
      // The button's name starts with its icon's glyph (layui icons are font characters).
      add: { role: 'button', name: /添加人员$/ },
      remove: { role: 'button', name: '删除' },
      bindings: [
        { field: 'name', find: { column: '姓名' }, widget: text() },
        { field: 'idNumber', find: { column: '身份证号码' }, widget: text() },
        { field: 'phone', find: { column: '联系电话' }, widget: text() },
        { field: 'certificate', find: { column: '培训合格证明' }, widget: upload('上传文件') },
      ],
    },
    { field: 'materials.healthCertificates', find: label('从业人员健康证明'), widget: upload('上传文件') },
    { field: 'materials.layoutPlan', find: label('经营场所平面布局图'), widget: upload('上传文件') },
    { field: 'materials.processFlow', find: label('操作流程图'), widget: upload('上传文件') },
    { field: 'materials.safetyRules', find: label('食品安全管理制度'), widget: upload('上传文件') },
    {
      field: 'commitment',
      find: label('承诺书'),
      widget: readAndAccept('我已阅读并签署《食品经营许可告知承诺书》', '我已阅读并承诺'),
      value: () => '1',
    },
  ],
};
