import { bankAccount } from './bank-account.ts';
import { businessRegistration } from './business-registration.ts';
import { housingFund } from './housing-fund.ts';
import { medicalInsurance } from './medical-insurance.ts';
import { fireSafety, foodBusinessLicence, signboard } from './restaurant.ts';
import { sealEngraving } from './seal-engraving.ts';
import { socialInsurance } from './social-insurance.ts';
import { taxRegistration } from './tax-registration.ts';
import type { ItemDef } from './types.ts';

/** Every item, by id (the ids of docs/item-fields.md). */
export const ITEMS: ReadonlyMap<string, ItemDef> = new Map(
  [
    businessRegistration,
    sealEngraving,
    bankAccount,
    taxRegistration,
    socialInsurance,
    medicalInsurance,
    housingFund,
    foodBusinessLicence,
    signboard,
    fireSafety,
  ].map((item) => [item.id, item]),
);

export function itemDef(id: string): ItemDef {
  const item = ITEMS.get(id);
  if (!item) throw new Error(`unknown item ${id}`);
  return item;
}
