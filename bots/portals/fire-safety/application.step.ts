import type { StepDeclaration } from '../../runtime/types.ts';
import { datePicker, divSelect, radio, readAndAccept, text, upload } from '../../runtime/widgets/index.ts';
import { splitAddress, todayPicker } from '../common/address-and-date.ts';
import { heading, label } from '../common/standard-pages.ts';
import { ID_TYPES, PLACE_TYPES } from './options.ts';

/**
 * 拟投入使用年月 (yyyy-MM): the merged form does not ask the opening date, so the bot names the month two
 * weeks from today, when the brigade's ten working days to accept are over and the restaurant may open.
 */
const openingMonth = () => new Date(Date.now() + (8 + 14 * 24) * 3_600_000).toISOString().slice(0, 7);

/**
 * The whole declaration on one TDesign page: 单位及场所 (a filterable t-select for 场所类型, a lazy t-cascader
 * for the region, the address, t-date-picker for a day and a month), the 责任人 with a t-radio-group for the kind of certificate,
 * the 管理人, t-upload for the plan and the 承诺书 signed in a t-dialog. The page posts by XHR.
 */
export const applicationStep: StepDeclaration = {
  name: '填写消防安全检查告知承诺申报',
  ready: heading('公众聚集场所投入使用、营业前消防安全检查（告知承诺）'),
  navigates: false,
  fields: [
    { field: 'unitName', find: label('单位名称'), widget: text() },
    { field: 'creditCode', find: label('统一社会信用代码'), widget: text() },
    { field: 'venueName', find: label('场所名称'), widget: text() },
    // A restaurant is what the 开餐饮店 bundle files; the merged form has no element for the kind of venue.
    { field: 'venueType', find: label('场所类型'), widget: divSelect(PLACE_TYPES), value: () => '餐饮场所' },
    // 场所地址 in one line, as the brigade's form asks it: 省/市/区 in a cascader, the rest typed.
    ...splitAddress('venueAddress', { region: '场所所在区域', detail: '场所详细地址' }),
    { field: 'buildingArea', find: label('建筑面积（㎡）'), widget: text() },
    { field: 'floors', find: label('使用楼层'), widget: text() },
    todayPicker('declarationDate', '申报日期'),
    {
      field: 'openingMonth',
      find: label('拟投入使用年月'),
      widget: datePicker({ wire: 'yyyy-MM', shown: 'yyyy-MM', month: true }),
      value: openingMonth,
    },
    { field: 'responsible.name', find: label('消防安全责任人'), widget: text() },
    // The bundle's people are identified by their 居民身份证.
    {
      field: 'responsible.idType',
      find: label('证件类型'),
      widget: radio(ID_TYPES),
      value: () => '居民身份证',
    },
    { field: 'responsible.idNumber', find: label('证件号码'), widget: text() },
    { field: 'responsible.phone', find: label('责任人联系电话'), widget: text() },
    { field: 'manager.name', find: label('消防安全管理人'), widget: text() },
    { field: 'manager.phone', find: label('管理人联系电话'), widget: text() },
    { field: 'floorPlan', find: label('消防设施平面图'), widget: upload('选择文件') },
    {
      field: 'commitmentAccepted',
      find: label('告知承诺书'),
      widget: readAndAccept('我已阅读并签署《消防安全检查告知承诺书》', '我已阅读并承诺'),
    },
  ],
};
