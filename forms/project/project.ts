import { itemDef } from '../items/index.ts';
import type {
  ElementField,
  ItemField,
  ItemGroup,
  ProjectContext,
  Projection,
  WireRow,
  WireValue,
} from '../items/types.ts';
import { personForRole } from '../model/roles.ts';
import type { FieldValue, FormValues, Row } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';
import { isEmpty, rowScalar, rowsOf } from '../model/values.ts';

/** A field of the original form with no value: the bot cannot fill it yet. */
export interface MissingField {
  /** Contract id ('legalRep.mobile', 'members[].idBackPhoto'). */
  readonly field: string;
  readonly label: string;
  /** The row, for group fields. */
  readonly row?: number;
  /** The element it would come from, when there is one. */
  readonly element?: string;
}

export interface ItemProjection {
  readonly item: string;
  /** Contract ids → wire values; scalar ids stay dotted keys, groups are arrays of rows. */
  readonly values: Projection;
  readonly missing: readonly MissingField[];
  /** Field slots on the original form for this application (group fields counted per row). */
  readonly slots: number;
}

function elementValue(
  field: ElementField,
  ctx: ProjectContext,
  from: string | undefined,
): FieldValue | undefined {
  const split = splitGroupKey(field.element);
  if (!split) return ctx.values[field.element] as FieldValue | undefined;
  const [group, name] = split;
  let row: Row | undefined;
  if (field.role) row = personForRole(ctx.values, field.role);
  else if (group === from) row = ctx.row;
  // A row of another group that names a person (a shareholder, a beneficial owner) reads that person.
  else if (group === 'persons')
    row = rowsOf(ctx.values, 'persons').find((p) => p.id === rowScalar(ctx.row, 'person'));
  else row = ctx.row;
  return row?.[name];
}

function fieldValue(field: ItemField, ctx: ProjectContext, from: string | undefined): WireValue | undefined {
  switch (field.kind) {
    case 'directive':
      return field.directive(ctx);
    case 'computed':
      return field.compute(ctx);
    case 'element': {
      const value = elementValue(field, ctx, from);
      if (value === undefined || isEmpty(value)) return undefined;
      return field.wire ? field.wire(value, ctx) : value;
    }
  }
}

function projectFields(
  fields: readonly ItemField[],
  ctx: ProjectContext,
  from: string | undefined,
  onMissing: (field: ItemField) => void,
): { values: Record<string, WireValue>; slots: number } {
  const values: Record<string, WireValue> = {};
  let slots = 0;
  for (const field of fields) {
    // Conditions name an earlier field of the same form (same row for group fields).
    if (field.when && values[field.when.field] !== field.when.equals) continue;
    slots++;
    const value = fieldValue(field, ctx, from);
    if (value === undefined || (typeof value !== 'object' && value === '')) {
      if (field.required ?? true) onMissing(field);
      continue;
    }
    values[field.id] = value;
  }
  return { values, slots };
}

function groupRows(group: ItemGroup, values: FormValues): readonly Row[] {
  const rows = rowsOf(values, group.from);
  return group.rowsWhere ? rows.filter((row) => group.rowsWhere?.(row, values)) : rows;
}

/**
 * What one item's original form needs, in that department's code lists and formats (docs/item-fields.md):
 * this is what the bot types. `values` are resolved canonical values (derive/resolve.ts), including the
 * outputs of earlier items; whatever the form requires and the values cannot supply is listed in `missing`.
 */
export function projectItem(itemId: string, values: FormValues): ItemProjection {
  const item = itemDef(itemId);
  const missing: MissingField[] = [];
  const out: Record<string, WireValue | readonly WireRow[]> = {};
  let slots = 0;
  const scalars: ItemField[] = [];
  const flush = () => {
    const projected = projectFields(scalars.splice(0), { values }, undefined, (f) =>
      missing.push({ field: f.id, label: f.label, ...(f.kind === 'element' ? { element: f.element } : {}) }),
    );
    Object.assign(out, projected.values);
    slots += projected.slots;
  };
  for (const field of item.fields) {
    if (field.kind !== 'group') {
      scalars.push(field);
      continue;
    }
    flush();
    out[field.id] = groupRows(field, values).map((row, index) => {
      const projected = projectFields(field.fields, { values, row }, field.from, (f) =>
        missing.push({
          field: `${field.id}[].${f.id}`,
          label: f.label,
          row: index,
          ...(f.kind === 'element' ? { element: f.element } : {}),
        }),
      );
      slots += projected.slots;
      return projected.values;
    });
  }
  flush();
  return { item: itemId, values: out, missing, slots };
}

/** [contract id, value] pairs: 'members[].name' once per row, in row order. */
export function flattenProjection(values: Projection): Array<[string, WireValue, number?]> {
  const pairs: Array<[string, WireValue, number?]> = [];
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
      (value as readonly WireRow[]).forEach((row, index) => {
        for (const [name, v] of Object.entries(row)) pairs.push([`${key}[].${name}`, v, index]);
      });
    } else {
      pairs.push([key, value as WireValue]);
    }
  }
  return pairs;
}
