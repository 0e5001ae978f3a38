/**
 * What each sandbox portal's original form asks for, in the terms of the shared contract
 * (`docs/item-fields.md`): one entry per contract field id. The portals render these fields under their own
 * HTML names and wording; the control API reports submissions normalised to these ids. `forms/` tests its
 * projections against these manifests, so an id here must match the contract exactly.
 */

/** The value shapes of the contract (docs/item-fields.md, column "type"). */
export type FieldKind =
  | 'text'
  | 'int'
  | 'decimal'
  | 'date'
  | 'month'
  | 'enum'
  | 'multi'
  | 'bool'
  | 'region'
  | 'code'
  | 'upload';

/** A field that only exists when another field (by contract id, same row for group fields) has a value. */
export interface FieldCondition {
  field: string;
  equals: string;
}

export interface ManifestField {
  /** Contract id, dotted; `[]` marks a repeating group (`members[].name`). */
  id: string;
  /** The label on this portal's form (the department's own wording). */
  label: string;
  kind: FieldKind;
  /** Whether the portal refuses the submission without it (when `when` holds). */
  required: boolean;
  when?: FieldCondition;
}

export type SandboxItemId =
  | 'business-registration'
  | 'seal-engraving'
  | 'bank-account'
  | 'tax-registration'
  | 'social-insurance'
  | 'medical-insurance'
  | 'housing-fund'
  | 'food-business-licence'
  | 'signboard'
  | 'fire-safety';

export interface FormManifest {
  item: SandboxItemId;
  /** The folder under `sandbox/` that implements it. */
  portal: string;
  fields: readonly ManifestField[];
  /** Output ids read from the receipt or the 办件查询 page. */
  produces: readonly string[];
}

/** Shorthand for manifest files: `field('phone', '联系电话', 'text')`. */
export function field(
  id: string,
  label: string,
  kind: FieldKind,
  options: { required?: boolean; when?: FieldCondition } = {},
): ManifestField {
  const out: ManifestField = { id, label, kind, required: options.required ?? true };
  if (options.when) out.when = options.when;
  return out;
}
