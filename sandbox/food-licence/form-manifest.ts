import { field, type ManifestField } from '../kit/form-manifest.ts';

/** 食品经营许可 (新办) on the food-licence portal of market regulation (built on layui). */
export const itemId = 'food-business-licence' as const;

export const fields: readonly ManifestField[] = [
  field('operatorName', '经营者名称', 'text'),
  field('creditCode', '统一社会信用代码', 'text'),
  field('legalRep.name', '法定代表人（负责人）', 'text'),
  field('domicile', '住所', 'text'),
  // Chosen as 省/市/区 plus 详细地址 on the form; the bureau keeps it in one line.
  field('premises', '经营场所', 'text'),
  field('format', '主体业态', 'enum'),
  field('items', '经营项目', 'multi'),
  field('area', '经营面积（㎡）', 'decimal'),
  field('seats', '就餐座位数', 'int'),
  field('safetyManagers[].name', '姓名', 'text'),
  field('safetyManagers[].idNumber', '身份证号码', 'text'),
  field('safetyManagers[].phone', '联系电话', 'text'),
  field('safetyManagers[].certificate', '培训合格证明', 'upload'),
  field('employees', '从业人员人数', 'int'),
  field('materials.healthCertificates', '从业人员健康证明', 'upload'),
  field('materials.layoutPlan', '经营场所平面布局图', 'upload'),
  field('materials.processFlow', '操作流程图', 'upload'),
  field('materials.safetyRules', '食品安全管理制度', 'upload'),
];
