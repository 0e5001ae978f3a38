import type { ElementDef, GroupDef } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';
import {
  BENEFICIAL_OWNER_GROUP,
  CAPITAL_ELEMENTS,
  SCOPE_ELEMENTS,
  SCOPE_GROUP,
  SHAREHOLDER_GROUP,
} from './capital.ts';
import { ADDRESS_ELEMENTS, COMPANY_ELEMENTS } from './company.ts';
import {
  BANK_ELEMENTS,
  DECLARATION_ELEMENTS,
  DELIVERY_ELEMENTS,
  FUND_ELEMENTS,
  INSURANCE_ELEMENTS,
  SEAL_ELEMENTS,
  SEAL_GROUP,
  TAX_ELEMENTS,
} from './departments.ts';
import { PERSON_ELEMENTS, PERSON_GROUP } from './persons.ts';
import { RESTAURANT_ELEMENTS } from './restaurant.ts';

/** The catalogue of data elements (数据元): every element any item can ask for, by key. */
export const ELEMENTS: ReadonlyMap<string, ElementDef> = new Map(
  [
    ...COMPANY_ELEMENTS,
    ...ADDRESS_ELEMENTS,
    ...SCOPE_ELEMENTS,
    ...PERSON_ELEMENTS,
    ...CAPITAL_ELEMENTS,
    ...SEAL_ELEMENTS,
    ...BANK_ELEMENTS,
    ...TAX_ELEMENTS,
    ...INSURANCE_ELEMENTS,
    ...FUND_ELEMENTS,
    ...DELIVERY_ELEMENTS,
    ...DECLARATION_ELEMENTS,
    ...RESTAURANT_ELEMENTS,
  ].map((e) => [e.key, e]),
);

export const GROUPS: ReadonlyMap<string, GroupDef> = new Map(
  [PERSON_GROUP, SCOPE_GROUP, SHAREHOLDER_GROUP, BENEFICIAL_OWNER_GROUP, SEAL_GROUP].map((g) => [g.key, g]),
);

export function elementDef(key: string): ElementDef {
  const def = ELEMENTS.get(key);
  if (!def) throw new Error(`unknown element ${key}`);
  return def;
}

/** The group an element belongs to, if any. */
export function groupOf(key: string): GroupDef | undefined {
  const split = splitGroupKey(key);
  return split ? GROUPS.get(split[0]) : undefined;
}
