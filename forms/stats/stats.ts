import { bundleDef } from '../bundles/index.ts';
import type { FormCase } from '../cases/case.ts';
import { resolveForm } from '../derive/resolve.ts';
import { itemDef } from '../items/index.ts';
import { mergeBundle } from '../merge/merge.ts';
import type { MergedForm } from '../merge/types.ts';
import { projectItem } from '../project/project.ts';

/**
 * What `yijian forms stats` reports. The names are read by benchmarks and reviews: keep them.
 * Counts about the applicant are null without a case.
 */
export interface FormStats {
  readonly bundle: string;
  readonly case: string | null;
  readonly items: readonly string[];
  readonly waves: readonly (readonly string[])[];
  /** Field slots over the original forms (group fields once per row of the case, once without a case). */
  readonly rawSlots: number;
  readonly rawSlotsByItem: Readonly<Record<string, number>>;
  /** Elements of the merged form (outputs of items excluded). */
  readonly uniqueElements: number;
  /** Values the applicant types (or still must type: required and empty). Uploads are not values. */
  readonly applicantTyped: number | null;
  readonly prefilledByOcr: number | null;
  readonly derived: number | null;
  readonly defaulted: number | null;
  readonly producedByItems: number | null;
  /** Required values still empty that only the applicant can give (included in applicantTyped). */
  readonly stillToType: number | null;
  /** Files uploaded, and required files missing. */
  readonly uploads: number | null;
  readonly missingMaterials: number | null;
  /** Fields the bot resolves on the live portal (auto:) or asks a person for during the run (ask:). */
  readonly resolvedAtRunTime: number;
  readonly conflicts: number;
}

function declaredSlots(form: MergedForm): Record<string, number> {
  return Object.fromEntries(
    form.items.map((id) => [
      id,
      itemDef(id).fields.reduce((n, f) => n + (f.kind === 'group' ? f.fields.length : 1), 0),
    ]),
  );
}

export function computeStats(bundleId: string, formCase?: FormCase): FormStats {
  if (formCase && formCase.bundle !== bundleId) {
    throw new Error(`案例属于事项包“${formCase.bundle}”，不是“${bundleDef(bundleId).name}”`);
  }
  const form = mergeBundle(bundleId, formCase?.choice ?? {});
  const base = {
    bundle: bundleId,
    case: formCase?.name ?? null,
    items: form.items,
    waves: form.waves,
    uniqueElements: form.fields.length,
    resolvedAtRunTime: form.runtimeFields.length,
    conflicts: form.conflicts.length,
  };
  if (!formCase) {
    const byItem = declaredSlots(form);
    return {
      ...base,
      rawSlots: Object.values(byItem).reduce((a, b) => a + b, 0),
      rawSlotsByItem: byItem,
      applicantTyped: null,
      prefilledByOcr: null,
      derived: null,
      defaulted: null,
      producedByItems: null,
      stillToType: null,
      uploads: null,
      missingMaterials: null,
    };
  }
  const resolved = resolveForm(form, {
    typed: formCase.typed,
    documents: formCase.documents,
    today: formCase.today,
  });
  const kinds = new Map(form.fields.map((f) => [f.key, f.kind]));
  const values = resolved.slots.filter((s) => kinds.get(s.element) !== 'upload');
  const files = resolved.slots.filter((s) => kinds.get(s.element) === 'upload');
  const count = (category: string) => values.filter((s) => s.category === category).length;
  const stillToType = values.filter((s) => s.required && !s.filled && s.category === undefined).length;
  const rawSlotsByItem = Object.fromEntries(
    form.items.map((id) => [id, projectItem(id, resolved.values).slots]),
  );
  return {
    ...base,
    rawSlots: Object.values(rawSlotsByItem).reduce((a, b) => a + b, 0),
    rawSlotsByItem,
    applicantTyped: count('applicant') + stillToType,
    prefilledByOcr: count('ocr'),
    derived: count('derived'),
    defaulted: count('default'),
    producedByItems: count('item'),
    stillToType,
    uploads: files.filter((s) => s.filled).length,
    missingMaterials: files.filter((s) => s.required && !s.filled).length,
  };
}
