import type {
  Condition,
  Constraints,
  FieldKind,
  GroupDef,
  SectionId,
  Source,
  SourceCategory,
} from '../model/types.ts';
import type { ConstraintConflict } from './constraints.ts';

/** Which item's form shows an element, under which field id and label. */
export interface Provenance {
  readonly item: string;
  readonly field: string;
  readonly label: string;
  readonly role?: string;
}

/** One element of the merged form. */
export interface MergedField {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly section: SectionId;
  /** The group for 'persons[].name' style keys. */
  readonly group?: string;
  readonly constraints: Constraints;
  /** Sources that apply in this bundle, in priority order (outputs of items in the bundle are not fields). */
  readonly sources: readonly Source[];
  /** The first of `sources`: how the value normally arrives. */
  readonly category: SourceCategory;
  readonly usedBy: readonly Provenance[];
  readonly sensitive: boolean;
  readonly when?: Condition;
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** For an upload: the document kind that fills it. */
  readonly document?: string;
}

/** A value produced by an item of the bundle and fed into later items. */
export interface MergedOutput {
  readonly element: string;
  readonly item: string;
  readonly output: string;
  readonly label: string;
  readonly usedBy: readonly Provenance[];
}

/** A field the bot resolves on the live portal (`auto:`) or asks a person for at run time (`ask:`). */
export interface RuntimeField {
  readonly item: string;
  readonly field: string;
  readonly label: string;
}

export interface MergedForm {
  readonly bundle: string;
  readonly items: readonly string[];
  readonly fields: readonly MergedField[];
  readonly groups: readonly GroupDef[];
  readonly sections: ReadonlyArray<{
    readonly id: SectionId;
    readonly title: string;
    readonly fields: readonly string[];
  }>;
  readonly outputs: readonly MergedOutput[];
  readonly runtimeFields: readonly RuntimeField[];
  readonly conflicts: readonly ConstraintConflict[];
  /** Items in dependency layers: registration → {seal, bank} → {tax, social, medical, fund}. */
  readonly waves: readonly (readonly string[])[];
  /** For each item, the items whose outputs it needs. */
  readonly needs: Readonly<Record<string, readonly string[]>>;
}
