import { type BundleChoice, bundleDef, selectItems } from '../bundles/index.ts';
import { DERIVATIONS } from '../derive/index.ts';
import { ELEMENTS, GROUPS } from '../elements/catalogue.ts';
import { ITEMS, itemDef } from '../items/index.ts';
import type { ItemDef } from '../items/types.ts';
import { SECTIONS, sectionOrder } from '../model/sections.ts';
import type { GroupDef, Source, SourceCategory } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';
import { type ConstraintConflict, intersectConstraints } from './constraints.ts';
import type { MergedField, MergedForm, MergedOutput, Provenance, RuntimeField } from './types.ts';
import { closure, itemGroups, itemUsages, type Usage } from './usages.ts';
import { dependencyWaves } from './waves.ts';

const ITEM_ORDER = [...ITEMS.keys()];
const ELEMENT_ORDER = [...ELEMENTS.keys()];
const byItemOrder = (a: string, b: string) => ITEM_ORDER.indexOf(a) - ITEM_ORDER.indexOf(b);

function categoryOf(source: Source | undefined): SourceCategory {
  if (source?.kind === 'derived') return DERIVATIONS.get(source.rule)?.category ?? 'derived';
  return source?.kind ?? 'applicant';
}

/** Documents an item of the bundle issues cannot be read before it runs (no licence to photograph yet). */
const DOCUMENT_ISSUED_BY: Readonly<Record<string, string>> = { businessLicence: 'business-registration' };

function applicableSources(sources: readonly Source[], items: readonly string[]): Source[] {
  return sources.filter((s) => {
    if (s.kind === 'item') return false;
    const issuer = s.kind === 'ocr' ? DOCUMENT_ISSUED_BY[s.document] : undefined;
    return !(issuer && items.includes(issuer));
  });
}

function provenance(usages: readonly Usage[]): Provenance[] {
  const unique = new Map<string, Provenance>();
  for (const u of usages) {
    unique.set(`${u.item}\u0000${u.field}`, {
      item: u.item,
      field: u.field,
      label: u.label,
      ...(u.role ? { role: u.role } : {}),
    });
  }
  return [...unique.values()].sort((a, b) => byItemOrder(a.item, b.item) || a.field.localeCompare(b.field));
}

/** Direct element keys of an item, plus the person roles and groups its rows depend on. */
function directKeys(item: ItemDef, usages: readonly Usage[]): string[] {
  const keys = usages.map((u) => u.element);
  if (usages.some((u) => u.role) || itemGroups(item).includes('persons')) keys.push('persons[].roles');
  return keys;
}

/**
 * The merged form of a set of items: the union of the elements their forms use (with what those depend
 * on), minus what the items themselves produce; constraints intersected; provenance and source category per
 * field; sections in filling order; items in dependency waves. Pure: the same set of items in any order, or
 * with repeats, gives the same form.
 */
export function mergeItems(bundle: string, items: readonly ItemDef[]): MergedForm {
  const unique = new Map<string, ItemDef>();
  for (const item of items) if (!unique.has(item.id)) unique.set(item.id, item);
  const ids = [...unique.keys()].sort(byItemOrder);
  const selected = ids.map((id) => unique.get(id) as ItemDef);
  const usagesByItem = new Map(selected.map((item) => [item.id, itemUsages(item)]));
  const usages = [...usagesByItem.values()].flat();

  const producedBy = new Map<string, { item: string; output: string; label: string }>();
  for (const item of selected) {
    for (const out of item.produces) {
      if (out.element) producedBy.set(out.element, { item: item.id, output: out.id, label: out.label });
    }
  }
  const produced = new Set(producedBy.keys());

  const needs = new Map<string, Set<string>>();
  const allKeys = new Set<string>();
  for (const item of selected) {
    const keys = closure(directKeys(item, usagesByItem.get(item.id) ?? []), itemGroups(item), produced);
    for (const key of keys) allKeys.add(key);
    const needed = new Set(keys.flatMap((k) => producedBy.get(k)?.item ?? []).filter((i) => i !== item.id));
    needs.set(item.id, needed);
  }

  const conflicts: ConstraintConflict[] = [];
  const fields: MergedField[] = [];
  const outputs: MergedOutput[] = [];
  for (const key of ELEMENT_ORDER.filter((k) => allKeys.has(k))) {
    const def = ELEMENTS.get(key);
    if (!def) continue;
    const uses = usages.filter((u) => u.element === key);
    const out = producedBy.get(key);
    if (out) {
      outputs.push({ element: key, ...out, usedBy: provenance(uses) });
      continue;
    }
    const merged = intersectConstraints(key, def.label, [
      { from: 'catalogue', constraints: def.constraints },
      ...uses.flatMap((u) => (u.constraints ? [{ from: u.item, constraints: u.constraints }] : [])),
    ]);
    conflicts.push(...merged.conflicts);
    const sources = applicableSources(def.sources, ids);
    const group = splitGroupKey(key)?.[0];
    fields.push({
      key,
      label: def.label,
      kind: def.kind,
      section: def.section,
      ...(group ? { group } : {}),
      constraints: merged.constraints,
      sources,
      category: categoryOf(sources[0]),
      usedBy: provenance(uses),
      sensitive: def.sensitive ?? false,
      ...(def.when ? { when: def.when } : {}),
      ...(def.optionLabels ? { optionLabels: def.optionLabels } : {}),
      ...(def.document ? { document: def.document } : {}),
    });
  }
  fields.sort((a, b) => sectionOrder(a.section) - sectionOrder(b.section));

  const groups: GroupDef[] = [...GROUPS.values()].filter((g) => fields.some((f) => f.group === g.key));
  const runtimeFields: RuntimeField[] = selected.flatMap((item) =>
    item.fields.flatMap((f) =>
      f.kind === 'directive' ? [{ item: item.id, field: f.id, label: f.label }] : [],
    ),
  );
  const sections = SECTIONS.map((s) => ({
    id: s.id,
    title: s.title,
    fields: fields.filter((f) => f.section === s.id).map((f) => f.key),
  })).filter((s) => s.fields.length > 0);

  return {
    bundle,
    items: ids,
    fields,
    groups,
    sections,
    outputs,
    runtimeFields,
    conflicts,
    waves: dependencyWaves(ids, needs),
    needs: Object.fromEntries(ids.map((id) => [id, [...(needs.get(id) ?? [])].sort(byItemOrder)])),
  };
}

/** The merged form of a bundle for the applicant's choice of options and optional items. */
export function mergeBundle(bundleId: string, choice: BundleChoice = {}): MergedForm {
  const bundle = bundleDef(bundleId);
  return mergeItems(bundle.id, selectItems(bundle, choice).map(itemDef));
}
