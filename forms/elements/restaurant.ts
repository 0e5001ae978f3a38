import type { ElementDef } from '../model/types.ts';
import { applicant, byDefault, derived, element } from './define.ts';

export const FOOD_FORMATS = ['食品销售经营者', '餐饮服务经营者', '单位食堂'] as const;
export const FOOD_ITEMS = [
  '热食类食品制售',
  '冷食类食品制售',
  '生食类食品制售',
  '自制饮品制售',
  '糕点类食品制售',
  '预包装食品销售',
] as const;

/** Elements of the 开餐饮店 items (food-business-licence, signboard, fire-safety). */
export const RESTAURANT_ELEMENTS: readonly ElementDef[] = [
  element('food.format', '主体业态', 'enum', 'food', [derived('food.format'), applicant], {
    constraints: { options: FOOD_FORMATS },
  }),
  element('food.items', '经营项目', 'multi', 'food', [applicant], {
    constraints: { options: FOOD_ITEMS, minLength: 1 },
  }),
  element('food.area', '经营面积（㎡）', 'decimal', 'food', [applicant], { constraints: { min: 1 } }),
  element('food.seats', '就餐座位数', 'int', 'food', [applicant], { constraints: { min: 0 } }),
  element('food.healthCertificates', '从业人员健康证明', 'upload', 'food', [applicant], {
    document: 'healthCertificates',
  }),
  element('food.layoutPlan', '经营场所平面布局图', 'upload', 'food', [applicant], { document: 'layoutPlan' }),
  element('food.processFlow', '操作流程图', 'upload', 'food', [applicant], { document: 'processFlow' }),
  element('food.safetyRules', '食品安全管理制度', 'upload', 'food', [applicant], { document: 'safetyRules' }),
  element('signboard.location', '设置地点', 'text', 'signboard', [derived('signboard.location'), applicant], {
    constraints: { maxLength: 200 },
  }),
  element('signboard.text', '招牌文字', 'text', 'signboard', [derived('signboard.text'), applicant], {
    constraints: { maxLength: 50 },
  }),
  element('signboard.length', '招牌长度（m）', 'decimal', 'signboard', [applicant], {
    constraints: { min: 0.1, max: 50 },
  }),
  element('signboard.width', '招牌宽度（m）', 'decimal', 'signboard', [applicant], {
    constraints: { min: 0.1, max: 10 },
  }),
  element('signboard.material', '招牌材质', 'enum', 'signboard', [byDefault('铝塑板')], {
    constraints: { options: ['铝塑板', '亚克力', '不锈钢', 'LED显示屏', '木质', '其他'] },
  }),
  element('signboard.illuminated', '是否发光', 'bool', 'signboard', [byDefault('0')]),
  element('signboard.rendering', '招牌效果图', 'upload', 'signboard', [applicant], {
    document: 'signboardRendering',
  }),
  element('fire.venueName', '场所名称', 'text', 'fire', [derived('fire.venueName'), applicant], {
    constraints: { maxLength: 100 },
  }),
  element(
    'fire.buildingArea',
    '建筑面积（㎡）',
    'decimal',
    'fire',
    [derived('fire.buildingArea'), applicant],
    {
      constraints: { min: 1 },
    },
  ),
  element('fire.floors', '使用楼层', 'text', 'fire', [applicant], { constraints: { maxLength: 50 } }),
  element('fire.floorPlan', '消防设施平面图', 'upload', 'fire', [applicant], { document: 'fireFloorPlan' }),
];
