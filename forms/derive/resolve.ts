import { concernsPerson } from '../merge/applicability.ts';
import type { MergedField, MergedForm } from '../merge/types.ts';
import type { FieldValue, FormValues, GroupDef, Row, SourceCategory } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';
import { holds, isEmpty, rowScalar, rowsOf } from '../model/values.ts';
import { type DocumentReading, normaliseReading } from './documents.ts';
import { DERIVATIONS, ROW_RULES_BY_GROUP } from './index.ts';
import type { DeriveContext } from './types.ts';

/** A slot path as zod writes it: ['company.name'] or ['persons', 0, 'gender']. */
export type SlotPath = readonly [string] | readonly [string, number, string];

export interface Slot {
  readonly path: SlotPath;
  readonly element: string;
  /** How the value arrived ('applicant': typed or uploaded; 'item': an earlier item's output, maybe pending). */
  readonly category: SourceCategory | undefined;
  readonly required: boolean;
  readonly filled: boolean;
}

export interface Reading {
  readonly path: SlotPath;
  readonly element: string;
  /** What OCR read, normalised to the canonical form. */
  readonly read: string;
  /** The document it was read from (its id) and the document's field ('idNumber'). */
  readonly document: string;
  readonly field: string;
}

/** A reading before it is placed on a slot. */
type OcrRead = Omit<Reading, 'path' | 'element'>;

export interface ResolveInput {
  /** What the applicant (or a clerk) entered, in canonical form. */
  readonly typed: FormValues;
  readonly documents?: readonly DocumentReading[];
  /** Outputs of items that already ran: item id → output id → value. */
  readonly outputs?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The application date, 'yyyy-MM-dd'. */
  readonly today: string;
}

export interface Resolved {
  readonly values: FormValues;
  readonly slots: readonly Slot[];
  readonly readings: readonly Reading[];
}

interface Picked {
  readonly value: FieldValue | undefined;
  readonly category: SourceCategory | undefined;
  readonly read?: OcrRead;
}

function asValue(value: unknown): FieldValue | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

function ocrReading(
  field: MergedField,
  docs: readonly DocumentReading[],
  person: string | undefined,
): OcrRead | undefined {
  for (const source of field.sources) {
    if (source.kind !== 'ocr') continue;
    const doc = docs.find(
      (d) => d.kind === source.document && (field.group !== 'persons' || d.person === person),
    );
    const printed = doc?.fields?.[source.field];
    const read = printed === undefined ? undefined : normaliseReading(field.key, printed);
    if (doc && read !== undefined) return { read, document: doc.id, field: source.field };
  }
  return undefined;
}

/**
 * One value, by priority: what was typed; for an upload, the uploaded document; else the element's sources
 * in order (a derivation whose inputs are there, an OCR reading, a default). Empty when none applies.
 */
function pick(
  field: MergedField,
  typed: unknown,
  ctx: DeriveContext,
  docs: readonly DocumentReading[],
  pending: ReadonlySet<string>,
): Picked {
  const person = field.group === 'persons' ? rowScalar(ctx.row, 'id') : undefined;
  const typedValue = asValue(typed);
  if (!isEmpty(typedValue)) {
    const read = ocrReading(field, docs, person);
    return read === undefined
      ? { value: typedValue, category: 'applicant' }
      : { value: typedValue, category: 'applicant', read };
  }
  if (field.kind === 'upload') {
    const doc = docs.find(
      (d) => d.kind === field.document && (field.group !== 'persons' || d.person === person),
    );
    return { value: doc?.id, category: doc ? 'applicant' : undefined };
  }
  const read = ocrReading(field, docs, person);
  const result = (value: FieldValue, category: SourceCategory): Picked =>
    read === undefined ? { value, category } : { value, category, read };
  for (const source of field.sources) {
    if (source.kind === 'derived') {
      const rule = DERIVATIONS.get(source.rule);
      const value = rule?.derive(ctx);
      if (value !== undefined && !isEmpty(value)) return result(value, rule?.category ?? 'derived');
      // Its inputs are still empty (an output not produced yet, a value not typed yet): once they are
      // there, this value is derived, not typed.
      if (rule && awaitsInput(rule.inputs, ctx, pending)) {
        return { value: undefined, category: rule.category ?? 'derived' };
      }
    } else if (source.kind === 'ocr' && read !== undefined) {
      return result(read.read, 'ocr');
    } else if (source.kind === 'default') {
      return result(source.value, 'default');
    }
  }
  return read === undefined
    ? { value: undefined, category: undefined }
    : { value: undefined, category: undefined, read };
}

/** Whether some input of a derivation is still empty (an output not yet produced counts as empty). */
export function awaitsInput(
  inputs: readonly string[],
  ctx: DeriveContext,
  pending: ReadonlySet<string>,
): boolean {
  return inputs.some((input) => {
    if (pending.has(input)) return true;
    const split = splitGroupKey(input);
    if (!split) return isEmpty(ctx.values[input] as FieldValue | undefined);
    // An input of the same row (the ID number for 性别); inputs from other groups do not make it pending.
    return (
      ctx.row !== undefined &&
      ctx.row[split[1]] === undefined &&
      rowsOf(ctx.values, split[0]).includes(ctx.row)
    );
  });
}

/** The rows of a group before its fields are resolved: row keys plus what was typed for each row. */
function baseRows(group: GroupDef, typed: FormValues, current: FormValues): Array<{ key: Row; typed: Row }> {
  const typedRows = rowsOf(typed, group.key);
  const keyOf = (row: Row): Row => {
    const value = group.rowKey ? rowScalar(row, group.rowKey) : undefined;
    return group.rowKey && value !== undefined ? { [group.rowKey]: value } : {};
  };
  const rule = ROW_RULES_BY_GROUP.get(group.key);
  if (group.rows === 'applicant' || !rule || (group.typedRows === 'replace' && typedRows.length > 0)) {
    return typedRows.map((row) => ({ key: keyOf(row), typed: row }));
  }
  return rule.rows(current).map((row) => {
    const key = keyOf(row);
    const match = group.rowKey
      ? typedRows.find((t) => rowScalar(t, group.rowKey ?? '') === key[group.rowKey ?? ''])
      : undefined;
    return { key, typed: match ?? {} };
  });
}

interface Pass {
  readonly values: FormValues;
  readonly slots: Slot[];
  readonly readings: Reading[];
}

function computePass(form: MergedForm, input: ResolveInput, current: FormValues): Pass {
  const docs = input.documents ?? [];
  const values: Record<string, FieldValue | readonly Row[]> = {};
  const slots: Slot[] = [];
  const readings: Reading[] = [];
  const pending = new Set<string>();
  // A field's slot, and the reading behind its value when OCR supplied it.
  const place = (path: SlotPath, field: MergedField, picked: Picked) => {
    slots.push({
      path,
      element: field.key,
      category: picked.category,
      required: !!field.constraints.required,
      filled: picked.value !== undefined,
    });
    if (picked.read !== undefined) readings.push({ path, element: field.key, ...picked.read });
  };
  for (const out of form.outputs) {
    const value = input.outputs?.[out.item]?.[out.output];
    if (value !== undefined && value !== '') values[out.element] = value;
    else pending.add(out.element);
    slots.push({
      path: [out.element],
      element: out.element,
      category: 'item',
      required: true,
      filled: !!value,
    });
  }
  for (const group of form.groups) {
    if (!holds(group.when, current)) {
      values[group.key] = [];
      continue;
    }
    const fields = form.fields.filter((f) => f.group === group.key && holds(f.when, current));
    const previous = rowsOf(current, group.key);
    values[group.key] = baseRows(group, input.typed, current).map(({ key, typed }, index) => {
      const before = previous[index];
      const sameRow = before && (!group.rowKey || before[group.rowKey] === key[group.rowKey]);
      const ctx: DeriveContext = {
        values: current,
        today: input.today,
        row: sameRow ? before : { ...typed, ...key },
        index,
      };
      const row: Record<string, FieldValue> = { ...key };
      for (const field of fields) {
        if (group.key === 'persons' && !concernsPerson(field, ctx.row ?? key, current)) continue;
        const name = splitGroupKey(field.key)?.[1] ?? field.key;
        const picked = pick(field, typed[name], ctx, docs, pending);
        if (picked.value !== undefined) row[name] = picked.value;
        place([group.key, index, name], field, picked);
      }
      return row;
    });
  }
  for (const field of form.fields) {
    if (field.group || !holds(field.when, current)) continue;
    const picked = pick(
      field,
      input.typed[field.key],
      { values: current, today: input.today },
      docs,
      pending,
    );
    if (picked.value !== undefined) values[field.key] = picked.value;
    place([field.key], field, picked);
  }
  return { values, slots, readings };
}

/** Enough for the longest chain of derivations (ID number → 性别; roles → shareholders → 受益所有人 → 比例). */
const MAX_PASSES = 12;

/**
 * Completes an application: every slot of the merged form gets its value from what was typed, uploaded,
 * read by OCR, derived, defaulted or produced by an earlier item — recomputed until nothing changes — and
 * records how each value arrived. Pure.
 */
export function resolveForm(form: MergedForm, input: ResolveInput): Resolved {
  let current: FormValues = {};
  let pass: Pass = { values: current, slots: [], readings: [] };
  for (let i = 0; i < MAX_PASSES; i++) {
    pass = computePass(form, input, current);
    const stable = JSON.stringify(pass.values) === JSON.stringify(current);
    current = pass.values;
    if (stable) break;
  }
  return { values: current, slots: pass.slots, readings: pass.readings };
}

export function slotKey(path: SlotPath): string {
  return path.length === 1 ? path[0] : `${path[0]}[${path[1]}].${path[2]}`;
}
