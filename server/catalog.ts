/**
 * What the pages need to know about bundles, items and materials — the seam to `forms/`, implemented by
 * `workspace/forms-catalog.ts`. An application's `options` hold the applicant's bundle choice in forms/'
 * shape: `{ options: { licence: 'existing' }, omit: ['bank-account'], include: [...] }`.
 */
export interface ItemInfo {
  id: string;
  name: string;
  department: string;
  /** The applicant may leave it out (or take it in, when it is not included by default). */
  optional: boolean;
  byDefault: boolean;
  /** Included only for one answer to a bundle option, in words (e.g. "营业执照：新办营业执照"). */
  onlyWhen?: string;
}

export interface OptionInfo {
  id: string;
  label: string;
  choices: { value: string; label: string }[];
  byDefault: string;
}

export interface BundleInfo {
  id: string;
  name: string;
  summary: string;
  items: ItemInfo[];
  options: OptionInfo[];
}

/** File types a material accepts, checked against the file's content (magic bytes), not its name. */
export type UploadKind = 'jpeg' | 'png' | 'pdf';

export interface MaterialSlot {
  /** The document kind forms/ knows it by ('idCardFront', 'domicileProof'). */
  id: string;
  label: string;
  hint?: string;
  required: boolean;
  accepts: readonly UploadKind[];
  /** Which OCR template reads it, if any. */
  ocr?: 'idCard' | 'businessLicence';
  /** One per person (ID cards) rather than one for the application. */
  perPerson?: boolean;
}

export interface FormCatalog {
  bundles(): BundleInfo[];
  bundle(id: string): BundleInfo | undefined;
  /** The items a choice selects, in the bundle's order. */
  selectedItems(bundleId: string, choice: Record<string, unknown>): ItemInfo[];
  /** Material slots for a bundle with the applicant's choice (items left out need no materials). */
  materials(bundleId: string, choice: Record<string, unknown>): MaterialSlot[];
}
