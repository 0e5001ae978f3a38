import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 公众聚集场所投入使用、营业前消防安全检查 (告知承诺) on the fire-safety portal of 消防救援机构 (TDesign). */
export const itemId = 'fire-safety' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('venueName', '场所名称', 'text'),
  // Chosen as 省/市/区 in a cascader plus 详细地址; the brigade keeps it in one line.
  field('venueAddress', '场所地址', 'text'),
  field('buildingArea', '建筑面积（㎡）', 'decimal'),
  field('floors', '使用楼层', 'text'),
  field('responsible.name', '消防安全责任人', 'text'),
  field('responsible.idNumber', '证件号码', 'text'),
  field('responsible.phone', '联系电话', 'text'),
  field('manager.name', '消防安全管理人', 'text'),
  field('manager.phone', '联系电话', 'text'),
  field('commitmentAccepted', '告知承诺书', 'bool'),
  field('floorPlan', '消防设施平面图', 'upload'),
];
