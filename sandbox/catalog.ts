import { bankPortal } from './bank/portal.ts';
import { fireSafetyPortal } from './fire-safety/portal.ts';
import { foodLicencePortal } from './food-licence/portal.ts';
import { housingFundPortal } from './housing-fund/portal.ts';
import type { PortalDefinition } from './kit/portal.ts';
import { marketRegulationPortal } from './market-regulation/portal.ts';
import { medicalInsurancePortal } from './medical-insurance/portal.ts';
import { outdoorSignPortal } from './outdoor-sign/portal.ts';
import { publicSecurityPortal } from './public-security/portal.ts';
import { socialInsurancePortal } from './social-insurance/portal.ts';
import { taxPortal } from './tax/portal.ts';
import { unifiedLoginPortal } from './unified-login/portal.ts';

/**
 * Every app `startPortals` runs. A department portal joins by adding its definition here; its port follows
 * from its place in PORTAL_IDS (kit/portal.ts), not from this list, so ports stay stable.
 */
export const PORTAL_DEFINITIONS: readonly PortalDefinition[] = [
  unifiedLoginPortal,
  marketRegulationPortal,
  publicSecurityPortal,
  bankPortal,
  taxPortal,
  socialInsurancePortal,
  medicalInsurancePortal,
  housingFundPortal,
  foodLicencePortal,
  outdoorSignPortal,
  fireSafetyPortal,
];
