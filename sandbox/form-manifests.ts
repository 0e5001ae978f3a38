import { manifest as bank } from './bank/form-manifest.ts';
import { manifest as fireSafety } from './fire-safety/form-manifest.ts';
import { manifest as foodLicence } from './food-licence/form-manifest.ts';
import { manifest as housingFund } from './housing-fund/form-manifest.ts';
import type { FormManifest, SandboxItemId } from './kit/form-manifest.ts';
import { manifest as marketRegulation } from './market-regulation/form-manifest.ts';
import { manifest as medicalInsurance } from './medical-insurance/form-manifest.ts';
import { manifest as outdoorSign } from './outdoor-sign/form-manifest.ts';
import { manifest as publicSecurity } from './public-security/form-manifest.ts';
import { manifest as socialInsurance } from './social-insurance/form-manifest.ts';
import { manifest as tax } from './tax/form-manifest.ts';

/** Every sandbox portal's form manifest, by contract item id (see docs/item-fields.md). */
export const FORM_MANIFESTS: Readonly<Record<SandboxItemId, FormManifest>> = {
  'business-registration': marketRegulation,
  'seal-engraving': publicSecurity,
  'bank-account': bank,
  'tax-registration': tax,
  'social-insurance': socialInsurance,
  'medical-insurance': medicalInsurance,
  'housing-fund': housingFund,
  'food-business-licence': foodLicence,
  signboard: outdoorSign,
  'fire-safety': fireSafety,
};

export type { FieldKind, FormManifest, ManifestField, SandboxItemId } from './kit/form-manifest.ts';
