import type { BundleDef } from './types.ts';

/** 开办企业 (我要开公司): seven items in three waves; the bank and the housing fund may be left out. */
export const openCompany: BundleDef = {
  id: 'open-company',
  name: '开办企业',
  description: '企业设立登记、公章刻制、银行开户、涉税事项、社保登记、医保登记、公积金缴存登记一次办',
  items: [
    { item: 'business-registration' },
    { item: 'seal-engraving' },
    { item: 'bank-account', optional: { label: '银行预约开户', byDefault: true } },
    { item: 'tax-registration' },
    { item: 'social-insurance' },
    { item: 'medical-insurance' },
    { item: 'housing-fund', optional: { label: '住房公积金单位缴存登记', byDefault: true } },
  ],
  options: [],
};
