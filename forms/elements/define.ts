import type {
  Constraints,
  DocumentKind,
  ElementDef,
  FieldKind,
  FieldValue,
  SectionId,
  Source,
} from '../model/types.ts';

/** Shorthands for the element catalogue files. */

export const applicant: Source = { kind: 'applicant' };

export function ocr(document: DocumentKind, field: string): Source {
  return { kind: 'ocr', document, field };
}

export function derived(rule: string): Source {
  return { kind: 'derived', rule };
}

export function byDefault(value: FieldValue): Source {
  return { kind: 'default', value };
}

export function producedBy(item: string, output: string): Source {
  return { kind: 'item', item, output };
}

export function element(
  key: string,
  label: string,
  kind: FieldKind,
  section: SectionId,
  sources: readonly Source[],
  extra: Partial<Omit<ElementDef, 'key' | 'label' | 'kind' | 'section' | 'sources'>> & {
    constraints?: Constraints;
  } = {},
): ElementDef {
  return {
    key,
    label,
    kind,
    section,
    sources,
    ...extra,
    constraints: { required: true, ...extra.constraints },
  };
}

/** code → label, for enums whose wire code is shown with a label. */
export function labelled(entries: ReadonlyArray<readonly [string, string]>): {
  constraints: { options: readonly string[] };
  optionLabels: Readonly<Record<string, string>>;
} {
  return { constraints: { options: entries.map(([c]) => c) }, optionLabels: Object.fromEntries(entries) };
}
