/**
 * 招牌材质 as the bureau lists them: the six of docs/item-fields.md (signboard) and the bureau's own extras,
 * fourteen in all, so the select is searchable and only part of its list is drawn at a time.
 */
export const SIGN_MATERIALS = [
  '铝塑板',
  '亚克力',
  '不锈钢',
  '钛金板',
  '铜板',
  '镀锌板',
  '玻璃',
  '石材',
  '木质',
  '灯箱布',
  '发光字',
  '霓虹灯',
  'LED显示屏',
  '其他',
] as const;

/** 承诺事项: every one must be ticked. */
export const PLEDGES = [
  '招牌设置不影响建筑物结构安全',
  '招牌文字规范使用国家通用语言文字',
  '按规定做好日常维护和安全检查',
] as const;

/** 是否发光 as the radios show it, by wire value. */
export const ILLUMINATED = { '1': '是', '0': '否' } as const;
