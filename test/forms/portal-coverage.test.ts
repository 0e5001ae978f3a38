import { describe, expect, it } from 'vitest';
import { resolveForm } from '../../forms/derive/resolve.ts';
import { ITEMS } from '../../forms/items/index.ts';
import type { Projection, WireRow, WireValue } from '../../forms/items/types.ts';
import { projectItem } from '../../forms/project/project.ts';
import { FORM_MANIFESTS, type ManifestField } from '../../sandbox/form-manifests.ts';
import { restaurantValues } from '../bots/support/restaurant.ts';
import { REFERENCE_OUTPUTS, resolvedReference } from './reference.ts';

/**
 * Every field a sandbox portal asks for (sandbox/<portal>/form-manifest.ts) is covered by the item's
 * projection, with a value of the right shape, and the projection sends nothing the portal does not know.
 */
const { form, formCase, resolved } = await resolvedReference({ outputs: true });

// The same application with every optional branch taken: a separate business address, the licence by
// post, seals by post, a general taxpayer.
const branchy = resolveForm(form, {
  typed: {
    ...formCase.typed,
    'company.businessAddress.sameAsDomicile': '0',
    'company.businessAddress.region': '350602',
    'company.businessAddress.detail': '胜利西路10号',
    'company.operatingTermType': '2',
    'company.operatingTermYears': '30',
    'delivery.licenceMethod': '2',
    'delivery.address': '福建省漳州市芗城区胜利西路10号',
    'delivery.sealPickupMethod': '2',
    'tax.generalTaxpayer': '1',
  },
  documents: formCase.documents,
  today: formCase.today,
  outputs: REFERENCE_OUTPUTS,
});

function shapeOk(kind: ManifestField['kind'], value: WireValue): boolean {
  if (typeof value === 'string' && /^(auto|ask):/.test(value)) return true;
  switch (kind) {
    case 'multi':
      return Array.isArray(value);
    case 'upload':
      return (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        typeof (value as { document: string }).document === 'string'
      );
    case 'bool':
      return value === '0' || value === '1';
    case 'int':
      return typeof value === 'string' && /^\d+$/.test(value);
    case 'decimal':
      return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value);
    case 'region':
      return typeof value === 'string' && /^\d{6}$/.test(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-?\d{2}-?\d{2}$/.test(value);
    case 'month':
      return typeof value === 'string' && /^\d{4}-?\d{2}$/.test(value);
    default:
      return typeof value === 'string' && value !== '';
  }
}

/** The rows a field lives in: [projection] for a scalar field, the group's rows for `group[].field`. */
function holders(
  values: Projection,
  id: string,
): Array<{ row: Readonly<Record<string, unknown>>; name: string }> {
  const [group, name] = id.includes('[].') ? (id.split('[].') as [string, string]) : [undefined, id];
  if (!group) return [{ row: values, name }];
  const rows = values[group];
  return Array.isArray(rows) ? (rows as readonly WireRow[]).map((row) => ({ row, name })) : [];
}

function check(item: string, values: Projection) {
  const manifest = FORM_MANIFESTS[item as keyof typeof FORM_MANIFESTS];
  const problems: string[] = [];
  for (const field of manifest.fields) {
    const places = holders(values, field.id);
    if (field.id.includes('[].') && places.length === 0) problems.push(`${field.id}: no rows`);
    for (const { row, name } of places) {
      const when = field.when;
      const condition = when ? holders(values, when.field)[0] : undefined;
      const whenRow = when?.field.includes('[].') ? row : condition?.row;
      const applies = !when || whenRow?.[when.field.split('[].').at(-1) ?? ''] === when.equals;
      const value = row[name] as WireValue | undefined;
      if (!applies) {
        if (value !== undefined) problems.push(`${field.id}: sent although its condition does not hold`);
        continue;
      }
      if (value === undefined) {
        if (field.required) problems.push(`${field.id}: required by the portal, not projected`);
      } else if (!shapeOk(field.kind, value)) {
        problems.push(`${field.id}: ${JSON.stringify(value)} is not a ${field.kind}`);
      }
    }
  }
  const known = new Set(manifest.fields.map((f) => f.id));
  for (const [key, value] of Object.entries(values)) {
    const rows =
      Array.isArray(value) && value.some((v) => typeof v === 'object') ? (value as WireRow[]) : undefined;
    const ids = rows ? rows.flatMap((r) => Object.keys(r).map((k) => `${key}[].${k}`)) : [key];
    for (const id of ids) if (!known.has(id)) problems.push(`${id}: projected but not on the portal's form`);
  }
  return problems;
}

describe('the projections cover the sandbox portals’ forms', () => {
  it('has a manifest for every item with a sandbox portal', () => {
    const withPortal = [...ITEMS.values()].filter((item) => item.sandbox).map((item) => item.id);
    expect(Object.keys(FORM_MANIFESTS).sort()).toEqual(withPortal.sort());
  });

  it.each(form.items)('%s (reference case)', (item) => {
    expect(check(item, projectItem(item, resolved.values).values)).toEqual([]);
  });

  it.each(form.items)('%s (every conditional field in use)', (item) => {
    expect(check(item, projectItem(item, branchy.values).values)).toEqual([]);
  });

  it('food-business-licence (a restaurant with two 食品安全管理员)', () => {
    const values = restaurantValues('food-business-licence', '漳州味来餐饮有限公司');
    expect(check('food-business-licence', values as Projection)).toEqual([]);
  });

  it('the conditional branches do reach the forms', () => {
    const registration = projectItem('business-registration', branchy.values).values;
    expect(registration).toMatchObject({ 'businessAddress.region': '350602', 'operatingTerm.years': '30' });
    expect(projectItem('seal-engraving', branchy.values).values['pickup.address']).toBe(
      '福建省漳州市芗城区胜利西路10号',
    );
    expect(projectItem('tax-registration', branchy.values).values.mainBusinessCategory).toBe('服务业');
  });
});
