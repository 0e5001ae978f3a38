/** The bureau's own lists (docs/item-fields.md, food-business-licence): the words are the wire values. */
export const FOOD_FORMATS = ['食品销售经营者', '餐饮服务经营者', '单位食堂'] as const;

export const FOOD_ITEMS = [
  '热食类食品制售',
  '冷食类食品制售',
  '生食类食品制售',
  '自制饮品制售',
  '糕点类食品制售',
  '预包装食品销售',
] as const;
