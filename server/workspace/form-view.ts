import { type FieldValue, type MergedField, type Row, type Slot, slotKey } from '../../forms/index.ts';
import type { FieldSource } from '../../store/applications.repo.ts';
import { cls, html, type SafeHtml } from '../html/html.ts';
import { control, display } from './form-controls.ts';
import type { Workspace } from './workspace.ts';

/**
 * The merged form as a page: one card per section, persons as sub-cards, every slot marked with where its
 * value came from (填写 / 证照识别 / 自动推导 / 默认 / 办理后产生). Values the applicant must give come first
 * in each section; prefilled ones fold into "已自动填写" and open when one of them has an error.
 */
export interface FormView {
  workspace: Workspace;
  /** Slot key → messages (from forms/ validation). */
  errors: Record<string, string[]>;
  readOnly: boolean;
  /**
   * Sections with nothing left to do fold away below the ones that still need the person, so what is left
   * is on top (the applicant's form; a clerk reads every section open).
   */
  foldDone?: boolean;
  /** Where the texts agreed to with a tick (承诺书, 章程) can be read ('/my/applications/<id>/agreements'). */
  agreementsBase?: string;
}

export const SOURCE_LABELS: Record<FieldSource['source'] | 'missing', string> = {
  typed: '填写',
  ocr: '证照识别',
  derived: '自动推导',
  default: '默认',
  item: '办理后产生',
  missing: '待填写',
};

/** What the badge beside a field says, and its colour class. */
function badgeOf(
  field: MergedField,
  slot: Slot,
  source: FieldSource | undefined,
  filled: boolean,
): { text: string; kind: string } {
  if (field.kind === 'upload')
    return filled ? { text: '已上传', kind: 'typed' } : { text: '待上传', kind: 'missing' };
  if (source?.needsConfirmation) return { text: '请核对', kind: 'confirm' };
  if (source) return { text: SOURCE_LABELS[source.source], kind: source.source };
  // Not filled yet: derived ones follow once their inputs are there; optional ones may stay empty.
  if (expectedCategory(field, slot) !== 'applicant') return { text: '待自动推导', kind: 'derived' };
  if (!field.constraints.required) return { text: '选填', kind: 'default' };
  return { text: SOURCE_LABELS.missing, kind: 'missing' };
}

export const slotDomId = (key: string) => `slot-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function valueAt(values: Workspace['resolved']['values'], path: Slot['path']): FieldValue | undefined {
  if (path.length === 1) return values[path[0]] as FieldValue | undefined;
  const rows = values[path[0]] as readonly Row[] | undefined;
  return rows?.[path[1]]?.[path[2]];
}

function sourceOf(view: FormView, slot: Slot): FieldSource['source'] | 'missing' {
  return view.workspace.sources[slotKey(slot.path)]?.source ?? 'missing';
}

/**
 * How a slot's value is meant to arrive: what resolution reported, or (when nothing filled it yet) the
 * merged field's usual source — a derived field waiting for its inputs is not the applicant's to type.
 */
function expectedCategory(field: MergedField | undefined, slot: Slot): 'applicant' | 'system' {
  const category = slot.category ?? field?.category;
  return category === 'derived' || category === 'default' || category === 'item' ? 'system' : 'applicant';
}

/** Still needs the person: required, empty, and nothing (a derivation, a default) will fill it. */
function needsInput(view: FormView, slot: Slot): boolean {
  const field = view.workspace.form.fields.find((candidate) => candidate.key === slot.element);
  return (
    slot.required &&
    !view.workspace.sources[slotKey(slot.path)] &&
    expectedCategory(field, slot) === 'applicant'
  );
}

/** Filled by the system and nothing to look at: folded away (still editable). */
function folds(view: FormView, slot: Slot): boolean {
  const source = sourceOf(view, slot);
  if (view.errors[slotKey(slot.path)]) return false;
  // The applicant's form also folds what was read for sure from a document: nothing to check there.
  const readForSure =
    view.foldDone === true &&
    source === 'ocr' &&
    !view.workspace.sources[slotKey(slot.path)]?.needsConfirmation;
  return source === 'derived' || source === 'default' || readForSure;
}

function fieldBlock(view: FormView, field: MergedField, slot: Slot): SafeHtml {
  const key = slotKey(slot.path);
  const id = slotDomId(key);
  const value = valueAt(view.workspace.resolved.values, slot.path);
  const source = view.workspace.sources[key];
  const kind = source?.source ?? 'missing';
  const errors = view.errors[key] ?? [];
  const confirm = source?.needsConfirmation === true;
  const reading = view.workspace.resolved.readings.find((r) => slotKey(r.path) === key);
  const hints: string[] = [];
  if (confirm) hints.push('识别结果不够确定，请对照证件核对');
  if (kind === 'typed' && reading && reading.read !== value)
    hints.push(`证件上识别为「${reading.read}」，已按您填写的为准`);
  if (field.usedBy.length > 1)
    hints.push(`${new Set(field.usedBy.map((use) => use.item)).size} 个事项共用，只需填一次`);
  const hintId = hints.length ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const shown = badgeOf(field, slot, source, slot.filled);
  const badge = html`<span class="${cls('src', `src--${shown.kind}`)}">${shown.text}</span>`;
  if (!source && expectedCategory(field, slot) !== 'applicant' && field.kind !== 'upload') {
    hints.unshift('填好相关信息后自动得出，也可以直接填写');
  }
  const body =
    field.kind === 'upload'
      ? html`<p class="field__value">${value ? '已上传' : view.readOnly ? '未上传' : html`未上传，<a href="materials">去上传材料</a>`}</p>`
      : view.readOnly
        ? html`<p class="field__value">${display(field, value)}</p>`
        : control({
            field,
            slot: key,
            id: `${id}-input`,
            value,
            invalid: errors.length > 0,
            ...(describedBy ? { describedBy } : {}),
          });
  const agreements =
    view.agreementsBase && field.constraints.mustBe === '1'
      ? html`<p class="field__agreements">请先阅读：<a href="${view.agreementsBase}/commitment" target="_blank" data-dialog>告知承诺书</a> · <a href="${view.agreementsBase}/articles" target="_blank" data-dialog>公司章程（标准版）</a></p>`
      : '';
  return html`<div class="${cls('field', `field--${kind}`, confirm && 'field--confirm', errors.length > 0 && 'field--error', (field.kind === 'multi' || field.kind === 'text') && 'field--wide')}" id="${id}">
  <label class="field__label" for="${id}-input">${field.label}${field.constraints.required ? html`<span class="field__required" aria-hidden="true">*</span>` : ''} ${badge}</label>
  ${agreements}${body}
  ${hints.length ? html`<p class="field__hint" id="${hintId}">${hints.join('；')}</p>` : ''}
  ${errors.map((message, i) => html`<p class="field__error"${i === 0 ? html` id="${errorId}"` : ''} role="alert">${message}</p>`)}
</div>`;
}

function fieldGrid(view: FormView, slots: readonly Slot[]): SafeHtml {
  const fields = view.workspace.form.fields;
  const blocks = (list: readonly Slot[]) =>
    list.flatMap((slot) => {
      const field = fields.find((candidate) => candidate.key === slot.element);
      return field ? [fieldBlock(view, field, slot)] : [];
    });
  // On the applicant's form, optional fields left empty wait behind one line: the required ones come first.
  const optional = (slot: Slot) =>
    view.foldDone === true &&
    !slot.required &&
    !view.workspace.sources[slotKey(slot.path)] &&
    !view.errors[slotKey(slot.path)];
  const shown = slots.filter((slot) => !folds(view, slot) && !optional(slot));
  const folded = slots.filter((slot) => folds(view, slot));
  const extra = slots.filter((slot) => !folds(view, slot) && optional(slot));
  const labelsOf = (list: readonly Slot[]) =>
    `${list
      .slice(0, 4)
      .map((slot) => fields.find((f) => f.key === slot.element)?.label ?? '')
      .join('、')}${list.length > 4 ? '…' : ''}`;
  return html`${shown.length ? html`<div class="form-grid">${blocks(shown)}</div>` : ''}
${extra.length ? html`<details class="prefilled prefilled--optional"><summary>选填 ${extra.length} 项：${labelsOf(extra)}</summary><div class="form-grid">${blocks(extra)}</div></details>` : ''}
${
  folded.length
    ? html`<details class="prefilled"><summary>已自动填写 ${folded.length} 项${view.readOnly ? '' : '（可修改）'}：${folded
        .slice(0, 4)
        .map((slot) => fields.find((f) => f.key === slot.element)?.label ?? '')
        .join(
          '、',
        )}${folded.length > 4 ? '…' : ''}</summary><div class="form-grid">${blocks(folded)}</div></details>`
    : ''
}`;
}

function rowTitle(view: FormView, group: string, row: Row, index: number): string {
  const persons = (view.workspace.resolved.values.persons ?? []) as readonly Row[];
  const named = (id: unknown) => {
    const person = persons.find((p) => p.id === id);
    return typeof person?.name === 'string' && person.name ? person.name : undefined;
  };
  if (group === 'persons') {
    const roles = Array.isArray(row.roles) ? row.roles.join('、') : '';
    return `人员 ${index + 1}${named(row.id) ? ` · ${named(row.id)}` : ''}${roles ? ` · ${roles}` : ''}`;
  }
  if (row.person) return named(row.person) ?? `第 ${index + 1} 行`;
  const label = view.workspace.form.groups.find((g) => g.key === group)?.label ?? '';
  // A row named by its kind (印章 1 · 单位公章) reads better than a number alone.
  const typeField = view.workspace.form.fields.find((f) => f.key === `${group}[].type` && f.optionLabels);
  const kind = typeof row.type === 'string' ? typeField?.optionLabels?.[row.type] : undefined;
  return `${label} ${index + 1}${kind ? ` · ${kind}` : ''}`;
}

function groupBlock(
  view: FormView,
  group: Workspace['form']['groups'][number],
  slots: readonly Slot[],
): SafeHtml {
  const rows = (view.workspace.resolved.values[group.key] ?? []) as readonly Row[];
  const editableRows = !view.readOnly && group.rows === 'applicant';
  const groupErrors = view.errors[group.key] ?? [];
  const mineAll = slots.filter((slot) => slot.path[0] === group.key);
  if (
    !editableRows &&
    rows.length > 1 &&
    groupErrors.length === 0 &&
    mineAll.every((slot) => folds(view, slot))
  ) {
    // Rows wholly filled by convention (the five standard seals): one line each, editable when opened.
    const fields = view.workspace.form.fields;
    return html`<details class="prefilled" id="${slotDomId(group.key)}"><summary>${group.label}：${rows.length} 项已按惯例自动填写${view.readOnly ? '' : '（可修改）'}</summary>
  <ul class="row-lines">${rows.map(
    (row, index) =>
      html`<li>${rowTitle(view, group.key, row, index)}：${mineAll
        .filter((slot) => slot.path[1] === index && slot.path[2] !== 'type')
        .map((slot) => {
          const field = fields.find((candidate) => candidate.key === slot.element);
          return field ? display(field, valueAt(view.workspace.resolved.values, slot.path)) : '';
        })
        .join(' · ')}</li>`,
  )}</ul>
  ${rows.map(
    (row, index) =>
      html`<fieldset class="row-card"><legend class="row-card__title">${rowTitle(view, group.key, row, index)}</legend><div class="form-grid">${mineAll
        .filter((slot) => slot.path[1] === index)
        .flatMap((slot) => {
          const field = fields.find((candidate) => candidate.key === slot.element);
          return field ? [fieldBlock(view, field, slot)] : [];
        })}</div></fieldset>`,
  )}
</details>`;
  }
  return html`<div class="group" id="${slotDomId(group.key)}">
  ${groupErrors.map((message) => html`<p class="field__error" role="alert">${message}</p>`)}
  ${rows.map((row, index) => {
    const mine = slots.filter(
      (slot) => slot.path.length === 3 && slot.path[0] === group.key && slot.path[1] === index,
    );
    const removeValue =
      group.key === 'persons' ? `remove:persons:${String(row.id ?? '')}` : `remove:${group.key}:${index}`;
    return html`<fieldset class="row-card"><legend class="row-card__title">${rowTitle(view, group.key, row, index)}</legend>
    ${editableRows ? html`<button class="link-button link-button--danger row-card__remove" type="submit" name="op" value="${removeValue}" data-confirm="确定删除这一项吗？">删除</button>` : ''}
    ${fieldGrid(view, mine)}</fieldset>`;
  })}
  ${editableRows ? html`<button class="button button--small" type="submit" name="op" value="add:${group.key}">＋ 添加${group.key === 'persons' ? '人员（没有身份证照片时）' : group.label}</button>` : ''}
</div>`;
}

/** Every section of the merged form, in the order a person fills them in. */
export function renderSections(view: FormView): SafeHtml {
  const { form, resolved } = view.workspace;
  const inputs = resolved.slots.filter((slot) => slot.category !== 'item');
  const outputs = form.outputs.filter((output) => !resolved.values[output.element]);
  const rendered = form.sections.flatMap((section) => {
    const scalars = inputs.filter((slot) => slot.path.length === 1 && section.fields.includes(slot.element));
    const groups = form.groups.filter(
      (group) => group.section === section.id && Array.isArray(resolved.values[group.key]),
    );
    const groupSlots = inputs.filter((slot) => slot.path.length === 3);
    if (
      scalars.length === 0 &&
      groups.every(
        (group) =>
          ((resolved.values[group.key] as unknown[]) ?? []).length === 0 && group.rows !== 'applicant',
      )
    ) {
      return [];
    }
    const attention = [
      ...scalars,
      ...groupSlots.filter((slot) => groups.some((g) => g.key === slot.path[0])),
    ].filter((slot) => view.errors[slotKey(slot.path)] || needsInput(view, slot)).length;
    const content = html`${groups.map((group) => groupBlock(view, group, groupSlots))}
  ${fieldGrid(view, scalars)}`;
    if (view.foldDone && !attention) {
      return [
        {
          done: true,
          html: html`<details class="card form-section form-section--done" id="section-${section.id}"><summary class="card__head"><h2 class="card__title">${section.title}</h2><span class="tag tag--ok">已完成</span><span class="muted form-section__open">展开查看或修改</span></summary>
  ${content}
</details>`,
        },
      ];
    }
    return [
      {
        done: false,
        html: html`<section class="card form-section" id="section-${section.id}">
  <div class="card__head"><h2 class="card__title">${section.title}</h2>${attention ? html`<span class="tag tag--required">${attention} 项待处理</span>` : html`<span class="tag tag--ok">已完成</span>`}</div>
  ${content}
</section>`,
      },
    ];
  });
  // Stable within each part: the sections' own order is the order a person fills them in.
  const ordered = view.foldDone
    ? [...rendered.filter((part) => !part.done), ...rendered.filter((part) => part.done)]
    : rendered;
  return html`${ordered.map((part) => part.html)}
${
  outputs.length
    ? html`<section class="card"><h2 class="card__title">办理后自动获得</h2><p class="muted">以下信息由前序事项办结后自动填入后续事项，无需填写：${outputs.map((output) => output.label).join('、')}。</p></section>`
    : ''
}`;
}

/** How many slots came from each source (the summary on top of the form). */
export function sourceCounts(workspace: Workspace): Record<FieldSource['source'] | 'missing', number> {
  const counts = { typed: 0, ocr: 0, derived: 0, default: 0, item: 0, missing: 0 };
  for (const slot of workspace.resolved.slots) {
    if (slot.category === 'item') continue;
    const source = workspace.sources[slotKey(slot.path)]?.source;
    if (source) counts[source] += 1;
    else if (
      slot.required &&
      expectedCategory(
        workspace.form.fields.find((f) => f.key === slot.element),
        slot,
      ) === 'applicant'
    )
      counts.missing += 1;
  }
  return counts;
}
