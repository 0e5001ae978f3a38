import { openCompany } from './open-company.ts';
import { openRestaurant } from './open-restaurant.ts';
import type { BundleChoice, BundleDef } from './types.ts';

export const BUNDLES: ReadonlyMap<string, BundleDef> = new Map(
  [openCompany, openRestaurant].map((b) => [b.id, b]),
);

export class BundleChoiceError extends Error {
  override readonly name = 'BundleChoiceError';
}

export function bundleDef(id: string): BundleDef {
  const bundle = BUNDLES.get(id);
  if (!bundle)
    throw new BundleChoiceError(`没有名为“${id}”的事项包（可选：${[...BUNDLES.keys()].join('、')}）`);
  return bundle;
}

/** The item ids a choice selects, in the bundle's order. Unknown options or items are refused. */
export function selectItems(bundle: BundleDef, choice: BundleChoice = {}): readonly string[] {
  for (const id of [...(choice.omit ?? []), ...(choice.include ?? [])]) {
    const entry = bundle.items.find((i) => i.item === id);
    if (!entry?.optional) throw new BundleChoiceError(`“${bundle.name}”中没有可选事项“${id}”`);
  }
  const options: Record<string, string> = {};
  for (const option of bundle.options) {
    const value = choice.options?.[option.id] ?? option.byDefault;
    if (!option.choices.some((c) => c.value === value)) {
      throw new BundleChoiceError(`“${option.label}”不能为“${value}”`);
    }
    options[option.id] = value;
  }
  for (const id of Object.keys(choice.options ?? {})) {
    if (!bundle.options.some((o) => o.id === id))
      throw new BundleChoiceError(`“${bundle.name}”没有选项“${id}”`);
  }
  return bundle.items
    .filter((entry) => {
      if (entry.includeWhen && options[entry.includeWhen.option] !== entry.includeWhen.equals) return false;
      if (!entry.optional) return true;
      if (choice.omit?.includes(entry.item)) return false;
      return entry.optional.byDefault || (choice.include?.includes(entry.item) ?? false);
    })
    .map((entry) => entry.item);
}

export type { BundleChoice, BundleDef, BundleItem, BundleOption } from './types.ts';
