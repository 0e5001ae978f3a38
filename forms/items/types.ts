import type { Role } from '../model/roles.ts';
import type { Constraints, FieldValue, FormValues, Row } from '../model/types.ts';

/**
 * An item (事项) is one department's original form, declared as data: each field has its contract id
 * (docs/item-fields.md), the label on that form, and either the element it shows (with that form's stricter
 * constraints and its own code list via `wire`), a computation over several elements, or a directive the bot
 * resolves on the live portal (`auto:`) or asks a person for (`ask:`).
 */

/** A value as the department's form takes it: strings, string lists, or a reference to an uploaded file. */
export type WireValue = string | readonly string[] | { readonly document: string };
export type WireRow = Readonly<Record<string, WireValue>>;
export type Projection = Readonly<Record<string, WireValue | readonly WireRow[]>>;

export interface ProjectContext {
  /** Resolved canonical values (derive/resolve.ts), outputs of earlier items included. */
  readonly values: FormValues;
  /** The row of the group being projected. */
  readonly row?: Row;
}

/** Canonical value → wire value. */
export type Codec = (value: FieldValue, ctx: ProjectContext) => WireValue | undefined;

/** Only when another field of the same form (contract id; same row for group fields) has this value. */
export interface FieldWhen {
  readonly field: string;
  readonly equals: string;
}

interface FieldBase {
  readonly id: string;
  readonly label: string;
  readonly when?: FieldWhen;
  readonly required?: boolean;
}

export interface ElementField extends FieldBase {
  readonly kind: 'element';
  readonly element: string;
  /** For a person element outside a group: the person acting in this role. */
  readonly role?: Role;
  readonly constraints?: Constraints;
  readonly wire?: Codec;
}

export interface ComputedField extends FieldBase {
  readonly kind: 'computed';
  readonly uses: readonly string[];
  compute(ctx: ProjectContext): WireValue | undefined;
}

/** `auto:` for lists the department owns (branches, slots); `ask:` for what only a person can supply. */
export interface DirectiveField extends FieldBase {
  readonly kind: 'directive';
  readonly uses: readonly string[];
  directive(ctx: ProjectContext): string;
}

export type ItemField = ElementField | ComputedField | DirectiveField;

export interface ItemGroup {
  readonly kind: 'group';
  /** Contract group id ('members' for members[].name). */
  readonly id: string;
  readonly label: string;
  /** The element group the rows come from. */
  readonly from: string;
  /** Which rows of that group this form lists (the members holding a registration role). */
  readonly rowsWhere?: (row: Row, values: FormValues) => boolean;
  readonly fields: readonly ItemField[];
}

export interface ItemOutput {
  /** Contract output id ('creditCode'). */
  readonly id: string;
  readonly label: string;
  /** The element it fills for later items. */
  readonly element?: string;
}

/**
 * A permit the item grants (食品经营许可证 …): which of its outputs holds the permit's number and its validity.
 * The permits of a bundle's items are what its 行业综合许可证 (一证) lists.
 */
export interface ItemPermit {
  readonly name: string;
  readonly number: string;
  readonly validity: string;
}

export interface ItemDef {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  /** Whether a sandbox portal implements it (of the 开餐饮店 items, food-business-licence and signboard so far). */
  readonly sandbox: boolean;
  readonly fields: readonly (ItemField | ItemGroup)[];
  readonly produces: readonly ItemOutput[];
  readonly permit?: ItemPermit;
  /**
   * 办理时限: the working days the centre promises for the item once the application is accepted (承诺时限,
   * shorter than the legal limit), counted from submission; 0.5 is half a working day.
   */
  readonly timeLimitDays: number;
}
