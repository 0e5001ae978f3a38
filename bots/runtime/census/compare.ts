import type { Locator } from 'playwright-core';
import { adapt, type UiFamily } from '../families/index.ts';
import { describeFind, locatorOf, type Scope } from '../locate.ts';
import { type Binding, isGroup, type StepDeclaration, type Values } from '../types.ts';
import { asList, asText, labelFor } from '../widgets/common.ts';
import type { DriftFinding } from './findings.ts';
import type { CensusField, PageCensus } from './types.ts';

/** Kinds the census can tell apart; a binding of another kind (appointment grids, SMS codes) is not compared. */
const COUNTED = new Set([
  'text',
  'derived',
  'native-select',
  'div-select',
  'tree-select',
  'region-cascade',
  'date-picker',
  'month-picker',
  'radio',
  'checkboxes',
  'checkbox',
  'upload',
  'notice',
  'modal-picker',
  'layui-select',
  'layui-region',
  'layui-radio',
  'layui-checkboxes',
  'layui-checkbox',
  'layui-date',
  'layui-month',
  'layui-upload',
  'layui-notice',
  'tdesign-select',
  'tdesign-cascader',
  'tdesign-date',
  'tdesign-month',
  'tdesign-radio',
  'tdesign-checkboxes',
  'tdesign-checkbox',
  'tdesign-upload',
  'tdesign-notice',
  'antdv-select',
  'antdv-cascader',
  'antdv-date',
  'antdv-month',
  'antdv-radio',
  'antdv-checkboxes',
  'antdv-checkbox',
  'antdv-upload',
  'antdv-notice',
]);
const CHOICES = new Set([
  'native-select',
  'div-select',
  'radio',
  'checkboxes',
  'layui-select',
  'layui-radio',
  'layui-checkboxes',
  'tdesign-select',
  'tdesign-radio',
  'tdesign-checkboxes',
  'antdv-select',
  'antdv-radio',
  'antdv-checkboxes',
]);
/** Rows of a repeating group looked at, at most (a page offers a handful). */
const MAX_ROWS = 50;
/** Kinds a person reads the same way, one typed and one the page computes: the bot may still cope. */
const NEAR = new Set(['text', 'derived']);

/** The census index of the field a locator found (the census marks each field it counted). */
const censusIndex = (found: Locator): Promise<number> =>
  found.evaluate((el) => {
    const own = el.closest('[data-yijian-census]') ?? el.querySelector('[data-yijian-census]');
    return own ? Number(own.getAttribute('data-yijian-census')) : -1;
  });

interface Context {
  step: string;
  census: PageCensus;
  family: UiFamily;
  findings: DriftFinding[];
  /** Census indexes some binding found. */
  bound: Set<number>;
}

/** The option texts the canary's value needs, and every text the declaration can produce. */
function optionTexts(
  binding: Binding,
  kind: string,
  value: unknown,
): { canary: string[]; producible: string[] } {
  const spec = binding.widget.spec;
  const options = spec && 'options' in spec ? spec.options : undefined;
  const producible = options && typeof options === 'object' ? Object.values(options) : [];
  const wires = kind.endsWith('checkboxes') ? asList(value) : [asText(value)];
  const canary: string[] = [];
  for (const wire of wires) {
    if (!wire || /^(auto|ask):/.test(wire)) continue;
    try {
      canary.push(labelFor(options, wire));
    } catch {
      // A value the declaration cannot name is the projection's problem, not the portal's.
    }
  }
  return { canary, producible };
}

function compareField(
  ctx: Context,
  binding: Binding,
  fieldId: string,
  field: CensusField,
  value: unknown,
): void {
  const kind = adapt(ctx.family, binding.widget).kind;
  const where = `“${field.label}”`;
  if (COUNTED.has(kind) && kind !== field.kind) {
    const near = NEAR.has(kind) && NEAR.has(field.kind);
    ctx.findings.push({
      severity: near ? 'may-fail' : 'will-fail',
      kind: 'kind-changed',
      step: ctx.step,
      field: fieldId,
      message: `${where}的控件类型由 ${kind} 变为 ${field.kind}`,
    });
  }
  if (!CHOICES.has(kind) || !CHOICES.has(field.kind) || field.options.length === 0) return;
  const offered = new Set(field.options);
  const { canary, producible } = optionTexts(binding, kind, value);
  for (const text of canary.filter((t) => !offered.has(t))) {
    ctx.findings.push({
      severity: 'will-fail',
      kind: 'option-gone',
      step: ctx.step,
      field: fieldId,
      message: `${where}的选项中已没有“${text}”（参考案例要选的项）`,
    });
  }
  for (const text of producible.filter((t) => !offered.has(t) && !canary.includes(t))) {
    ctx.findings.push({
      severity: 'may-fail',
      kind: 'option-gone',
      step: ctx.step,
      field: fieldId,
      message: `${where}的选项中已没有“${text}”，需要该项的申请将无法提交`,
    });
  }
  if (producible.length === 0) return;
  const known = new Set(producible);
  for (const text of field.options.filter((t) => !known.has(t))) {
    ctx.findings.push({
      severity: 'cosmetic',
      kind: 'option-new',
      step: ctx.step,
      field: fieldId,
      message: `${where}新增选项“${text}”`,
    });
  }
}

async function compareBinding(
  ctx: Context,
  scope: Scope,
  binding: Binding,
  fieldId: string,
  values: Values,
): Promise<void> {
  const value = binding.value ? binding.value(values) : values[binding.field];
  // A binding the canary does not use may be absent without harm (a field shown only for other answers).
  const used = value !== undefined && value !== null && (!binding.when || binding.when(values));
  const found = locatorOf(scope, binding.find);
  const count = await found.count();
  if (count !== 1) {
    if (!used) return;
    ctx.findings.push({
      severity: 'will-fail',
      kind: count === 0 ? 'binding-lost' : 'binding-ambiguous',
      step: ctx.step,
      field: fieldId,
      message:
        count === 0
          ? `找不到“${fieldId}”的控件（${describeFind(binding.find)}），标签可能已改名或字段已删除`
          : `“${fieldId}”的定位（${describeFind(binding.find)}）在页面上有 ${count} 处`,
    });
    return;
  }
  const index = await censusIndex(found);
  const field = ctx.census.fields[index];
  if (!field) return;
  ctx.bound.add(index);
  if (used) compareField(ctx, binding, fieldId, field, value);
}

/**
 * Compares one step's declaration with the census of its page, now shown: every binding is looked up as a
 * filing would look it up, and matched with the census field it finds; the census fields no binding finds
 * are the page's new fields. `censusOf` must have run on this page just before (it marks the fields).
 */
export async function compareStep(
  scope: Scope,
  step: StepDeclaration,
  census: PageCensus,
  family: UiFamily,
  values: Values,
): Promise<DriftFinding[]> {
  const ctx: Context = { step: step.name, census, family, findings: [], bound: new Set() };
  for (const entry of step.fields) {
    if (!isGroup(entry)) {
      await compareBinding(ctx, scope, entry, entry.field, values);
      continue;
    }
    // Every row the page shows is matched, so none of its fields is taken for a new one; row n is compared
    // with the canary's row n (rows the canary lacks only have their fields marked as bound).
    const rows = values[entry.group];
    for (let n = 1; n <= MAX_ROWS; n += 1) {
      const row = locatorOf(scope, entry.row(n));
      if ((await row.count()) !== 1) break;
      const own = (Array.isArray(rows) ? rows[n - 1] : undefined) as Values | undefined;
      for (const binding of entry.bindings)
        await compareBinding(ctx, row, binding, `${entry.group}[${n - 1}].${binding.field}`, own ?? {});
    }
  }
  // Widgets the census cannot see into (an appointment grid with its own date box) may fill a field no
  // binding names: a required field is then only a doubt.
  const opaque = step.fields
    .flatMap((f) => (isGroup(f) ? f.bindings : [f]))
    .map((b) => adapt(family, b.widget).kind)
    .find((kind) => !COUNTED.has(kind));
  for (const [i, field] of census.fields.entries()) {
    if (ctx.bound.has(i)) continue;
    // A box the page fills itself needs nobody.
    const needed = field.required && field.kind !== 'derived';
    ctx.findings.push({
      severity: needed ? (opaque ? 'may-fail' : 'will-fail') : 'cosmetic',
      kind: needed ? 'required-unbound' : 'optional-unbound',
      step: step.name,
      message: needed
        ? `新增必填项“${field.label}”（${field.kind}），门户声明中没有填写它${opaque ? `（也可能由 ${opaque} 控件一并填写）` : ''}`
        : `新增选填项“${field.label}”（${field.kind}）`,
    });
  }
  return ctx.findings;
}
