import type { PlanItem } from '../../queue/planner.ts';

/** The 开办企业 items, the portal each is filed on, and the items each needs done first. */
export const OPEN_COMPANY_PLAN: readonly PlanItem[] = [
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
