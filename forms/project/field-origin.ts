import { elementDef } from '../elements/catalogue.ts';
import { itemDef } from '../items/index.ts';
import type { ItemField, ItemGroup } from '../items/types.ts';

/** Where a field of an item's original form comes from in the merged form. */
export interface FieldOrigin {
  /** The field's label on the department's form: 企业名称 / 成员 身份证件号码. */
  readonly label: string;
  /** Merged-form element keys the value is made from ('company.name', 'persons[].idNumber'). */
  readonly elements: readonly string[];
  /** Their labels on the merged form, in the same order. */
  readonly mergedLabels: readonly string[];
}

const usesOf = (field: ItemField): readonly string[] => {
  switch (field.kind) {
    case 'element':
      return [field.element];
    case 'computed':
    case 'directive':
      return field.uses;
  }
};

const labelOf = (key: string): string => {
  try {
    return elementDef(key).label;
  } catch {
    return key;
  }
};

/**
 * Maps a portal's complaint back to what the clerk can change: `fieldId` is the item's contract id as the
 * bots report it ('companyName', 'members[2].idNumber' — the row index is ignored); undefined when the
 * item has no such field.
 */
export function fieldOrigin(itemId: string, fieldId: string): FieldOrigin | undefined {
  const path = fieldId.replace(/\[\d*\]/g, '').split('.');
  let fields: readonly (ItemField | ItemGroup)[];
  try {
    fields = itemDef(itemId).fields;
  } catch {
    return undefined;
  }
  const [first, second] = path;
  for (const field of fields) {
    if (field.kind === 'group') {
      if (field.id !== first || second === undefined) continue;
      const inner = field.fields.find((f) => f.id === second);
      if (!inner) return undefined;
      const elements = usesOf(inner);
      return { label: `${field.label} ${inner.label}`, elements, mergedLabels: elements.map(labelOf) };
    }
    if (field.id === fieldId.replace(/\[\d*\]/g, '')) {
      const elements = usesOf(field);
      return { label: field.label, elements, mergedLabels: elements.map(labelOf) };
    }
  }
  return undefined;
}
