import { bundleDef } from '../bundles/index.ts';
import type { FormCase } from '../cases/case.ts';
import { resolveForm, type SlotPath, slotKey } from '../derive/resolve.ts';
import { itemDef } from '../items/index.ts';
import { mergeBundle } from '../merge/merge.ts';
import type { MergedForm } from '../merge/types.ts';
import type { FieldKind, FieldValue, FormValues } from '../model/types.ts';
import { flattenProjection, projectItem } from '../project/project.ts';

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
  /**
   * Everything the applicant does, one action each: typed values + choices + ticks (a multi-select counts
   * one tick per option chosen, so roles count once per person and role) + uploads (done or still
   * required) + confirmations of OCR values the reader was not sure of + answers to bots during the run
   * (`ask:` directives, the SMS code). Defaults are not in it: see `defaultsToAccept`.
   */
  readonly applicantActions: number | null;
  readonly applicantActionsByKind: ApplicantActions | null;
  /** Values filled by a default (a convention) and shown on the form for the applicant to accept or change. */
  readonly defaultsToAccept: number | null;
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

/** The parts of `applicantActions`. */
export interface ApplicantActions {
  /** Keyed in: text, numbers, dates. */
  readonly typed: number;
  /** Picked from a list: one option of an enum, a region in the cascade, an entry of a code table. */
  readonly choices: number;
  /** Check boxes: a yes/no box, and one per option chosen in a multi-select (one per person and role). */
  readonly ticks: number;
  readonly uploads: number;
  /** OCR values prefilled but highlighted for checking against the document ("请核对"). */
  readonly ocrConfirmations: number;
  /** Values a bot asks a person for while it files (`ask:…`: the SMS code). */
  readonly botAnswers: number;
}

type ActionKind = 'typed' | 'choices' | 'ticks';

const ACTION_OF_KIND: Readonly<Record<Exclude<FieldKind, 'upload'>, ActionKind>> = {
  text: 'typed',
  int: 'typed',
  decimal: 'typed',
  date: 'typed',
  month: 'typed',
  enum: 'choices',
  region: 'choices',
  code: 'choices',
  bool: 'ticks',
  multi: 'ticks',
};

function valueAt(values: FormValues, path: SlotPath): FieldValue | undefined {
  if (path.length === 1) return values[path[0]] as FieldValue | undefined;
  const rows = values[path[0]];
  return Array.isArray(rows)
    ? (rows[path[1]] as Record<string, FieldValue> | undefined)?.[path[2]]
    : undefined;
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
      applicantActions: null,
      applicantActionsByKind: null,
      defaultsToAccept: null,
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
  const projections = form.items.map((id) => projectItem(id, resolved.values));
  const rawSlotsByItem = Object.fromEntries(projections.map((p) => [p.item, p.slots]));

  // What the applicant gives: typed values (one action per value; a multi-select one tick per option) and
  // the required values still empty (one action each, whatever they turn out to hold).
  const actions = { typed: 0, choices: 0, ticks: 0 };
  for (const slot of values) {
    const given = slot.category === 'applicant';
    const toGive = slot.required && !slot.filled && slot.category === undefined;
    if (!given && !toGive) continue;
    const kind = kinds.get(slot.element);
    const action = kind && kind !== 'upload' ? ACTION_OF_KIND[kind] : 'typed';
    const value = given ? valueAt(resolved.values, slot.path) : undefined;
    actions[action] += kind === 'multi' && Array.isArray(value) ? Math.max(value.length, 1) : 1;
  }
  const uploads = files.filter((s) => s.filled).length;
  const missingMaterials = files.filter((s) => s.required && !s.filled).length;
  // Readings the reader was not sure of are prefilled highlighted, to be checked against the document.
  const fromOcr = new Set(values.filter((s) => s.category === 'ocr' && s.filled).map((s) => slotKey(s.path)));
  const sure = new Set(formCase.documents.flatMap((d) => (d.confident ?? []).map((f) => `${d.id}:${f}`)));
  const ocrConfirmations = resolved.readings.filter(
    (r) => fromOcr.has(slotKey(r.path)) && !sure.has(`${r.document}:${r.field}`),
  ).length;
  const botAnswers = projections
    .flatMap((p) => flattenProjection(p.values))
    .filter(([, value]) => typeof value === 'string' && value.startsWith('ask:')).length;
  const applicantActionsByKind: ApplicantActions = {
    ...actions,
    uploads: uploads + missingMaterials,
    ocrConfirmations,
    botAnswers,
  };
  return {
    ...base,
    rawSlots: Object.values(rawSlotsByItem).reduce((a, b) => a + b, 0),
    rawSlotsByItem,
    applicantTyped: count('applicant') + stillToType,
    applicantActions: Object.values(applicantActionsByKind).reduce((a, b) => a + b, 0),
    applicantActionsByKind,
    defaultsToAccept: values.filter((s) => s.category === 'default' && s.filled).length,
    prefilledByOcr: count('ocr'),
    derived: count('derived'),
    defaulted: count('default'),
    producedByItems: count('item'),
    stillToType,
    uploads,
    missingMaterials,
  };
}
