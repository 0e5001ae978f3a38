import * as bank from './bank/form-manifest.ts';
import * as fireSafety from './fire-safety/form-manifest.ts';
import * as foodLicence from './food-licence/form-manifest.ts';
import * as housingFund from './housing-fund/form-manifest.ts';
import type { FormManifest, ManifestField, SandboxItemId } from './kit/form-manifest.ts';
import * as marketRegulation from './market-regulation/form-manifest.ts';
import * as medicalInsurance from './medical-insurance/form-manifest.ts';
import * as outdoorSign from './outdoor-sign/form-manifest.ts';
import * as publicSecurity from './public-security/form-manifest.ts';
import * as socialInsurance from './social-insurance/form-manifest.ts';
import * as tax from './tax/form-manifest.ts';

/** What sandbox/<portal>/form-manifest.ts declares: the item the portal files and what its form asks. */
interface PortalForm {
  itemId: SandboxItemId;
  fields: readonly ManifestField[];
}

/** A portal's form as a manifest, with the output ids its receipt or 办件查询 shows. */
const manifest = (portal: string, form: PortalForm, produces: readonly string[]): FormManifest => ({
  item: form.itemId,
  portal,
  fields: form.fields,
  produces,
});

/** Every sandbox portal's form manifest, by contract item id (see docs/item-fields.md). */
export const FORM_MANIFESTS: Readonly<Record<SandboxItemId, FormManifest>> = {
  'business-registration': manifest('market-regulation', marketRegulation, [
    'acceptanceNo',
    'creditCode',
    'establishedDate',
    'registrationAuthority',
  ]),
  'seal-engraving': manifest('public-security', publicSecurity, ['seals[].filingCode']),
  'bank-account': manifest('bank', bank, ['appointmentNo', 'accountNo', 'bankName']),
  'tax-registration': manifest('tax', tax, ['taxAcceptanceNo']),
  'social-insurance': manifest('social-insurance', socialInsurance, ['socialInsuranceNo']),
  'medical-insurance': manifest('medical-insurance', medicalInsurance, ['medicalInsuranceNo']),
  'housing-fund': manifest('housing-fund', housingFund, ['fundAccountNo']),
  'food-business-licence': manifest('food-licence', foodLicence, ['licenceNo']),
  signboard: manifest('outdoor-sign', outdoorSign, ['acceptanceNo']),
  'fire-safety': manifest('fire-safety', fireSafety, ['acceptanceNo']),
};

export type { FieldKind, FormManifest, ManifestField, SandboxItemId } from './kit/form-manifest.ts';
