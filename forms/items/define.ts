import type { Role } from '../model/roles.ts';
import type { Constraints } from '../model/types.ts';
import type {
  Codec,
  ComputedField,
  DirectiveField,
  ElementField,
  FieldWhen,
  ItemField,
  ItemGroup,
  ProjectContext,
  WireValue,
} from './types.ts';

/** Shorthands for the item files. */

interface Options {
  readonly when?: FieldWhen;
  readonly required?: boolean;
  readonly constraints?: Constraints;
  readonly wire?: Codec;
}

export function el(id: string, label: string, element: string, options: Options = {}): ElementField {
  return { kind: 'element', id, label, element, ...options };
}

/** A field about the person acting in `role` ('legalRep.name' → the 法定代表人's name). */
export function personField(
  id: string,
  label: string,
  role: Role,
  field: string,
  options: Options = {},
): ElementField {
  return { kind: 'element', id, label, element: `persons[].${field}`, role, ...options };
}

export function computed(
  id: string,
  label: string,
  uses: readonly string[],
  compute: (ctx: ProjectContext) => WireValue | undefined,
  options: Pick<Options, 'when' | 'required'> = {},
): ComputedField {
  return { kind: 'computed', id, label, uses, compute, ...options };
}

export function directive(
  id: string,
  label: string,
  uses: readonly string[],
  make: (ctx: ProjectContext) => string,
): DirectiveField {
  return { kind: 'directive', id, label, uses, directive: make };
}

export function group(
  id: string,
  label: string,
  from: string,
  fields: readonly ItemField[],
  rowsWhere?: ItemGroup['rowsWhere'],
): ItemGroup {
  return rowsWhere
    ? { kind: 'group', id, label, from, fields, rowsWhere }
    : { kind: 'group', id, label, from, fields };
}
