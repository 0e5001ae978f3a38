import { ELEMENTS } from '../../../forms/elements/catalogue.ts';
import { ITEMS } from '../../../forms/items/index.ts';
import { normaliseLabel } from '../locate.ts';
import type { Find } from '../types.ts';
import type { CensusField, PageCensus } from './types.ts';

/**
 * A declaration drafted from what a page shows (docs/drift-check.md): one binding per census field, with
 * the Find a person would use, the widget for its kind, the options as comments, and the data element its
 * label most likely means. What the draft is unsure of is marked `// TODO 确认`.
 */
export interface DraftBinding {
  find: Find;
  kind: string;
  /** The widget factory call, as source (`divSelect(OPTIONS)`). */
  widget: string;
  label: string;
  required: boolean;
  options: string[];
  name?: string;
  /** The data element the label names (`company.name`), and the person's role for a person's field. */
  element?: { key: string; role?: string };
  /** The element was found by the exact label; otherwise a guess or nothing. */
  sure: boolean;
}

/** Where a label may point: the element catalogue, then every item's department labels. */
export interface LabelVocabulary {
  exact: ReadonlyMap<string, { key: string; role?: string }>;
}

/**
 * The labels known for data elements: each element's own label, and the label each item's form gives a
 * field filled from an element (单位全称 → company.name). `exceptItem` leaves one item out, so a draft of
 * its own portal is measured on what the other items teach.
 */
export function labelVocabulary(exceptItem?: string): LabelVocabulary {
  const exact = new Map<string, { key: string; role?: string }>();
  for (const item of ITEMS.values()) {
    if (item.id === exceptItem) continue;
    for (const field of item.fields) {
      if (field.kind !== 'element') continue;
      const label = normaliseLabel(field.label);
      if (!exact.has(label))
        exact.set(label, field.role ? { key: field.element, role: field.role } : { key: field.element });
    }
  }
  for (const element of ELEMENTS.values()) {
    const label = normaliseLabel(element.label);
    // Person elements (姓名, 证件号码) mean nothing without their role: left to the items' labels.
    if (!element.key.startsWith('persons[]') && !exact.has(label)) exact.set(label, { key: element.key });
  }
  return { exact };
}

/** The widget for a census kind of no family, as a declaration names it (its `ui` family adapts it). */
const WIDGETS: Readonly<Record<string, (f: CensusField) => string>> = {
  text: () => 'text()',
  derived: () => 'derived()',
  'native-select': () => 'nativeSelect(OPTIONS)',
  'div-select': () => 'divSelect(OPTIONS)',
  'tree-select': () => 'treeSelect()',
  'region-cascade': () => 'regionCascade()',
  'date-picker': () => "datePicker({ wire: 'yyyy-MM-dd' })",
  'month-picker': () => "datePicker({ wire: 'yyyyMM', month: true })",
  radio: () => 'radio(OPTIONS)',
  checkboxes: () => 'checkboxes(OPTIONS)',
  checkbox: (f) => `checkbox(${JSON.stringify(f.label)})`,
  upload: () => 'upload()',
  notice: (f) => `readAndAccept(${JSON.stringify(f.label)})`,
  'modal-picker': () => 'modalPicker(/* TODO 确认 */)',
};

/** A family's own kinds (`antdv-select`, `layui-region` …) by the kind of the widget they stand for. */
const FAMILY_KIND = /^(?:layui|tdesign|antdv)-(.+)$/;
const AS_WIDGET: Readonly<Record<string, string>> = {
  select: 'div-select',
  region: 'region-cascade',
  cascader: 'region-cascade',
  date: 'date-picker',
  month: 'month-picker',
};

/** The widget for a census kind, whatever UI family draws it. */
const widgetOf = (field: CensusField): string | undefined => {
  const own = FAMILY_KIND.exec(field.kind)?.[1];
  const kind = own ? (AS_WIDGET[own] ?? own) : field.kind;
  return WIDGETS[kind]?.(field);
};

/** The Find a person would use for the field: the label they read, or its column, legend or placeholder. */
export function findOf(field: CensusField): Find {
  switch (field.labelFrom) {
    case 'column':
      return { column: field.label };
    case 'legend':
      return { legend: field.label };
    case 'placeholder':
      return { placeholder: field.placeholder ?? field.label };
    default:
      return { label: field.label };
  }
}

/** Words departments use for one another's (单位全称 is 单位名称): tried when a label is not known as is. */
const SYNONYMS: readonly [RegExp, string][] = [
  [/全称/, '名称'],
  [/身份证号码$/, '证件号码'],
  [/证件号码$/, '身份证号码'],
  [/手机号码$/, '手机'],
  [/手机$/, '手机号码'],
  [/联系电话$/, '电话'],
];

/**
 * The element a label names: exactly or through a synonym, else the longest known label it contains or is
 * contained in (a guess, to confirm).
 */
function elementOf(label: string, vocabulary: LabelVocabulary): Pick<DraftBinding, 'element' | 'sure'> {
  const spelled = [
    label,
    ...SYNONYMS.filter(([from]) => from.test(label)).map(([from, to]) => label.replace(from, to)),
  ];
  for (const candidate of spelled) {
    const exact = vocabulary.exact.get(candidate);
    if (exact) return { element: exact, sure: true };
  }
  let best: { key: string; role?: string } | undefined;
  let bestLength = 1;
  for (const [known, element] of vocabulary.exact) {
    if (known.length > bestLength && (label.includes(known) || known.includes(label))) {
      best = element;
      bestLength = known.length;
    }
  }
  return best ? { element: best, sure: false } : { sure: false };
}

export function draftBindings(census: PageCensus, vocabulary: LabelVocabulary): DraftBinding[] {
  return census.fields.map((field) => ({
    find: findOf(field),
    kind: field.kind,
    widget: widgetOf(field) ?? `/* TODO 确认：${field.kind} */ text()`,
    label: field.label,
    required: field.required,
    options: field.options,
    ...(field.name ? { name: field.name } : {}),
    ...elementOf(field.label, vocabulary),
  }));
}

const FIND_SOURCE = (find: Find): string => {
  const [key, value] = Object.entries(find)[0] ?? ['label', ''];
  return key === 'label' ? `label(${JSON.stringify(value)})` : `{ ${key}: ${JSON.stringify(value)} }`;
};

/** A camelCase-free field id stub from the element or the HTML name; a person names it properly. */
const fieldIdOf = (binding: DraftBinding, index: number): string =>
  binding.element?.key.replace(/^persons\[\]\./, `${binding.element.role ?? 'person'}.`) ??
  binding.name ??
  `field${index + 1}`;

/** The draft of one step as TypeScript source, for a person to finish. */
export function renderStep(name: string, census: PageCensus, bindings: readonly DraftBinding[]): string {
  const lines = bindings.map((b, i) => {
    const notes = [
      b.required ? '必填' : '选填',
      b.name ? `name=${b.name}` : '',
      b.element ? `数据元 ${b.element.key}${b.element.role ? `（${b.element.role}）` : ''}` : '',
      b.options.length ? `选项：${b.options.join('、')}` : '',
      b.sure ? '' : 'TODO 确认',
    ].filter(Boolean);
    return `    { field: ${JSON.stringify(fieldIdOf(b, i))}, find: ${FIND_SOURCE(b.find)}, widget: ${b.widget} }, // ${notes.join('；')}`;
  });
  const heading = census.headings[0] ?? name;
  const next = census.buttons.find((text) => /下一步|保存|继续/.test(text));
  return [
    `/** ${heading} — drafted from the page by \`yijian portals draft\`; check every TODO. */`,
    'export const step: StepDeclaration = {',
    `  name: ${JSON.stringify(name)},`,
    `  ready: heading(${JSON.stringify(heading)}),`,
    next ? `  next: button(${JSON.stringify(next)}),` : `  // 按钮：${census.buttons.join('、')}`,
    '  fields: [',
    ...lines,
    '  ],',
    '};',
  ].join('\n');
}

/** A whole draft file: imports, then each step. */
export function renderDraft(
  steps: readonly { name: string; census: PageCensus; bindings: DraftBinding[] }[],
) {
  return [
    "import type { StepDeclaration } from '../../runtime/types.ts';",
    "import { checkbox, checkboxes, datePicker, derived, divSelect, modalPicker, nativeSelect, radio, readAndAccept, regionCascade, text, treeSelect, upload } from '../../runtime/widgets/index.ts';",
    "import { button, heading, label } from '../common/standard-pages.ts';",
    '',
    '// OPTIONS: each choice widget needs its option table (code → text shown), see the options in the comments.',
    'const OPTIONS = {} as const;',
    '',
    ...steps.map((s) => renderStep(s.name, s.census, s.bindings)),
    '',
  ].join('\n');
}
