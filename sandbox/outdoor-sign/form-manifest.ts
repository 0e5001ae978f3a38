import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 户外招牌设置 on the outdoor-sign portal of the city management bureau (built on Ant Design Vue). */
export const itemId = 'signboard' as const;

export const fields: readonly ManifestField[] = [
  field('unitName', '单位名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  // Chosen as 省/市/区 in a cascader plus 详细地址 on the form; the bureau keeps it in one line.
  field('location', '设置地点', 'text'),
  field('text', '招牌文字', 'text'),
  field('size.length', '长（m）', 'decimal'),
  field('size.width', '宽（m）', 'decimal'),
  field('material', '材质', 'enum'),
  field('illuminated', '是否发光', 'bool'),
  field('rendering', '效果图', 'upload'),
  field('contact.name', '联系人', 'text'),
  field('contact.mobile', '联系人手机', 'text'),
];
