import type { PortalDeclaration } from '../runtime/types.ts';
import { bank } from './bank/bank.portal.ts';
import { fireSafety } from './fire-safety/fire-safety.portal.ts';
import { foodLicence } from './food-licence/food-licence.portal.ts';
import { housingFund } from './housing-fund/housing-fund.portal.ts';
import { marketRegulation } from './market-regulation/market-regulation.portal.ts';
import { medicalInsurance } from './medical-insurance/medical-insurance.portal.ts';
import { outdoorSign } from './outdoor-sign/outdoor-sign.portal.ts';
import { publicSecurity } from './public-security/public-security.portal.ts';
import { socialInsurance } from './social-insurance/social-insurance.portal.ts';
import { tax } from './tax/tax.portal.ts';

/** Item id → the declaration of the portal that files it. A portal that changes gets a new version here. */
export const DECLARATIONS: readonly PortalDeclaration[] = [
  marketRegulation,
  publicSecurity,
  bank,
  tax,
  socialInsurance,
  medicalInsurance,
  housingFund,
  foodLicence,
  outdoorSign,
  fireSafety,
];

const BY_ITEM = new Map(DECLARATIONS.map((declaration) => [declaration.itemId, declaration]));

export function declarationFor(itemId: string): PortalDeclaration | undefined {
  return BY_ITEM.get(itemId);
}
