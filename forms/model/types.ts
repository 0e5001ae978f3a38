/**
 * The vocabulary of forms/ (read this first).
 *
 * - **Element (数据元)**: one piece of data with a stable key ('company.name', 'persons[].idNumber'), a label, a
 *   kind, constraints, and the sources its value may come from. `[]` marks a field of a repeating group
 *   ('persons', 'shareholders', 'scope', 'seals', 'beneficialOwners').
 * - **Item (事项)**: one department's original form: its fields (contract ids of docs/item-fields.md), each bound to
 *   elements, plus what the item produces (outputs that later items need).
 * - **Bundle (一件事)**: a set of items with options; the **merged form** is computed from it (merge/).
 * - **Values**: what an application holds, in canonical form: a flat record with one key per scalar element
 *   ('company.name' → '…') and one key per group ('persons' → rows keyed by field name: { id, name, … }).
 *   Every scalar is a string (dates 'yyyy-MM-dd', months 'yyyy-MM', booleans '1'/'0'); multi values are string
 *   arrays. Projection (project/) turns canonical values into each department's wire values.
 */

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

export type FieldValue = string | readonly string[];
export type Row = Readonly<Record<string, FieldValue>>;
export type FormValues = Readonly<Record<string, FieldValue | readonly Row[]>>;

/** Holds when the scalar element's value equals one of `in` (or does not, with `notIn`). */
export interface Condition {
  readonly element: string;
  readonly in?: readonly string[];
  readonly notIn?: readonly string[];
}

/** A named check with its own Chinese message (validate/checks.ts). */
export type CheckId =
  | 'creditCode'
  | 'idNumber'
  | 'mobile'
  | 'phone'
  | 'postcode'
  | 'region'
  | 'companyName'
  | 'scopeCode'
  | 'email'
  | 'accountNo';

/** Constraints on a canonical value. Merging intersects them (merge/constraints.ts). */
export interface Constraints {
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values (enum/multi); the narrowest list wins when merged. */
  readonly options?: readonly string[];
  readonly checks?: readonly CheckId[];
  /** A value the field must hold (an acceptance box that must be ticked). */
  readonly mustBe?: string;
}

export type DocumentKind = 'idCardFront' | 'idCardBack' | 'businessLicence';

/** Where a value can come from, in the order the element lists them. */
export type Source =
  | { readonly kind: 'applicant' }
  | { readonly kind: 'ocr'; readonly document: DocumentKind; readonly field: string }
  | { readonly kind: 'derived'; readonly rule: string }
  | { readonly kind: 'default'; readonly value: FieldValue }
  | { readonly kind: 'item'; readonly item: string; readonly output: string };

/** How a slot of an application got its value (the categories `forms stats` counts). */
export type SourceCategory = 'applicant' | 'ocr' | 'derived' | 'default' | 'item';

export type SectionId =
  | 'company'
  | 'address'
  | 'scope'
  | 'persons'
  | 'capital'
  | 'governance'
  | 'seals'
  | 'bank'
  | 'tax'
  | 'insurance'
  | 'fund'
  | 'food'
  | 'signboard'
  | 'fire'
  | 'delivery'
  | 'declarations';

export interface ElementDef {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly section: SectionId;
  readonly constraints: Constraints;
  readonly sources: readonly Source[];
  /** Personal data: masked in messages and logs. */
  readonly sensitive?: boolean;
  /** The element applies only when this holds (a 个人独资企业 has no 监事会 question). */
  readonly when?: Condition;
  /** Labels of enum/multi codes, for pages and messages. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** For an upload: the kind of document that fills it ('idCardFront'); its value is the document's id. */
  readonly document?: string;
}

/** A repeating group of elements and where its rows come from. */
export interface GroupDef {
  readonly key: string;
  readonly label: string;
  readonly section: SectionId;
  /** The row field that identifies a row ('id' for persons, 'person' for shareholders). */
  readonly rowKey?: string;
  /** Rows typed by the applicant, derived from other data, or a default set. */
  readonly rows: 'applicant' | { readonly derived: string } | { readonly default: string };
  /**
   * For computed rows: typed rows either `overlay` the computed ones (matched by `rowKey`: a shareholder's
   * ratio) or `replace` them (the applicant lists the seals they want).
   */
  readonly typedRows?: 'overlay' | 'replace';
  readonly when?: Condition;
}

export function isGroupKey(key: string): boolean {
  return key.includes('[]');
}

/** 'persons[].name' → ['persons', 'name']; 'company.name' → undefined. */
export function splitGroupKey(key: string): readonly [group: string, field: string] | undefined {
  const at = key.indexOf('[].');
  return at < 0 ? undefined : [key.slice(0, at), key.slice(at + 3)];
}
