import type { PlanItem } from '../../queue/planner.ts';

/** The 开办企业 items with their portals and needs, in the bundle's order, as the planner receives them. */
export const OPEN_COMPANY: PlanItem[] = [
  { itemId: 'business-registration', portalId: 'market-regulation', needs: [] },
  { itemId: 'seal-engraving', portalId: 'public-security', needs: ['business-registration'] },
  { itemId: 'bank-account', portalId: 'bank', needs: ['business-registration'] },
  { itemId: 'tax-registration', portalId: 'tax', needs: ['business-registration', 'bank-account'] },
  {
    itemId: 'social-insurance',
    portalId: 'social-insurance',
    needs: ['business-registration', 'bank-account'],
  },
  {
    itemId: 'medical-insurance',
    portalId: 'medical-insurance',
    needs: ['business-registration', 'bank-account'],
  },
  { itemId: 'housing-fund', portalId: 'housing-fund', needs: ['business-registration', 'bank-account'] },
];

/** The 开办企业 items' ids in the bundle's order. */
export const OPEN_COMPANY_ITEMS = OPEN_COMPANY.map((item) => item.itemId);
