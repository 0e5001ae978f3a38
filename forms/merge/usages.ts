import { DERIVATIONS, ROW_RULES_BY_GROUP } from '../derive/index.ts';
import { ELEMENTS, elementDef } from '../elements/catalogue.ts';
import type { ItemDef, ItemField } from '../items/types.ts';
import type { Constraints } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';

/** One place an item's form uses an element. */
export interface Usage {
  readonly item: string;
  /** Contract field id ('legalRep.name', 'members[].name'). */
  readonly field: string;
  readonly label: string;
  readonly element: string;
  readonly role?: string;
  readonly constraints?: Constraints;
}

function fieldUsages(item: string, field: ItemField, prefix: string): Usage[] {
  const id = `${prefix}${field.id}`;
  if (field.kind === 'element') {
    const usage: Usage = { item, field: id, label: field.label, element: field.element };
    return [
      {
        ...usage,
        ...(field.role ? { role: field.role } : {}),
        ...(field.constraints ? { constraints: field.constraints } : {}),
      },
    ];
  }
  return field.uses.map((element) => ({ item, field: id, label: field.label, element }));
}

/** Every element an item's form uses directly, one entry per (field, element). */
export function itemUsages(item: ItemDef): Usage[] {
  return item.fields.flatMap((field) =>
    field.kind === 'group'
      ? field.fields.flatMap((f) => fieldUsages(item.id, f, `${field.id}[].`))
      : fieldUsages(item.id, field, ''),
  );
}

/** Groups an item lists rows of. */
export function itemGroups(item: ItemDef): string[] {
  return item.fields.flatMap((f) => (f.kind === 'group' ? [f.from] : []));
}

/**
 * The elements a set of direct uses depends on: derivation inputs, the inputs of group row rules, the
 * elements named in conditions — transitively, but not through elements some item in the bundle produces
 * (their values arrive from that item). Returns keys in discovery order.
 */
export function closure(
  keys: readonly string[],
  groups: readonly string[],
  produced: ReadonlySet<string>,
): string[] {
  const seen = new Set<string>();
  const queue = [...keys];
  const visitGroup = (group: string) => {
    for (const input of ROW_RULES_BY_GROUP.get(group)?.inputs ?? []) queue.push(input);
  };
  for (const g of groups) visitGroup(g);
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    if (produced.has(key) || !ELEMENTS.has(key)) continue;
    const def = elementDef(key);
    if (def.when) queue.push(def.when.element);
    const group = splitGroupKey(key)?.[0];
    if (group) visitGroup(group);
    for (const source of def.sources) {
      if (source.kind === 'derived') queue.push(...(DERIVATIONS.get(source.rule)?.inputs ?? []));
    }
  }
  return [...seen];
}
