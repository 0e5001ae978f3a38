import type { BundleDef } from './types.ts';

/**
 * 开餐饮店 (我要开饭店): an existing licence is verified (its values read from the licence photo), or
 * business-registration runs first; social insurance and the housing fund are opt-in. A small restaurant no
 * longer needs a 公共场所卫生许可.
 */
export const openRestaurant: BundleDef = {
  id: 'open-restaurant',
  name: '开餐饮店',
  description: '营业执照、食品经营许可、户外招牌设置、营业前消防安全检查一次办',
  items: [
    { item: 'business-registration', includeWhen: { option: 'licence', equals: 'new' } },
    { item: 'food-business-licence' },
    { item: 'signboard' },
    { item: 'fire-safety' },
    { item: 'social-insurance', optional: { label: '单位社会保险登记', byDefault: false } },
    { item: 'housing-fund', optional: { label: '住房公积金单位缴存登记', byDefault: false } },
  ],
  options: [
    {
      id: 'licence',
      label: '营业执照',
      choices: [
        { value: 'existing', label: '已有营业执照' },
        { value: 'new', label: '新办营业执照' },
      ],
      byDefault: 'existing',
    },
  ],
  licence: { title: '行业综合许可证', industry: '餐饮服务' },
};
