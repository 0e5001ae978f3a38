import { type FieldValue, type FormValues, type GroupDef, type Row, slotKey } from '../../forms/index.ts';
import type { Workspace } from './workspace.ts';

/**
 * A posted merged form → what the person typed. A value equal to what the form already showed (read,
 * derived or defaulted) is not "typed"; a changed one is, and overrides its source; a typed value cleared
 * gives the field back to its source. Rows follow their group's rules: applicant rows (persons, scope) are
 * the typed rows; computed rows are overlaid by key (a shareholder's ratio) or replaced as a whole (seals).
 */
type Body = Record<string, unknown>;

function posted(body: Body, key: string, multi: boolean): FieldValue | undefined {
  const raw = body[`v.${key}`];
  if (multi) {
    if (body[`m.${key}`] === undefined) return undefined;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.map((item) => String(item).trim()).filter(Boolean);
  }
  if (raw === undefined) return undefined;
  return String(Array.isArray(raw) ? raw[0] : raw).trim();
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) =>
  JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
const empty = (value: FieldValue | undefined) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * `confirmed`: slots a person confirmed on purpose (an unsure OCR reading kept as it was): stored as typed
 * even when equal to what was shown, so they stop being unconfirmed readings.
 */
export function typedFromForm(
  workspace: Workspace,
  typed: FormValues,
  body: Body,
  confirmed: ReadonlySet<string> = new Set(),
): FormValues {
  const { form, resolved } = workspace;
  const next: Record<string, FieldValue | readonly Row[]> = { ...typed };
  const groupRows = new Map<string, Record<string, FieldValue>[]>();
  const changedGroups = new Set<string>();
  const rowsOf = (group: string) => (resolved.values[group] ?? []) as readonly Row[];
  const typedRowsOf = (group: GroupDef): Record<string, FieldValue>[] => {
    let rows = groupRows.get(group.key);
    if (!rows) {
      rows = ((typed[group.key] ?? []) as readonly Row[]).map((row) => ({ ...row }));
      groupRows.set(group.key, rows);
    }
    return rows;
  };

  for (const slot of resolved.slots) {
    if (slot.category === 'item') continue;
    const field = form.fields.find((candidate) => candidate.key === slot.element);
    if (!field || field.kind === 'upload') continue;
    const key = slotKey(slot.path);
    // A ticked box must be '1'; an unticked one is empty (not accepted), seen through its marker.
    const value =
      field.kind === 'bool' && field.constraints.mustBe
        ? body[`m.${key}`] === undefined
          ? undefined
          : posted(body, key, false) || ''
        : posted(body, key, field.kind === 'multi');
    if (value === undefined) continue;
    if (slot.path.length === 1) {
      const current = resolved.values[slot.path[0]] as FieldValue | undefined;
      if (same(value, current) && !confirmed.has(key)) continue;
      if (empty(value)) delete next[slot.path[0]];
      else next[slot.path[0]] = value;
      continue;
    }
    const [groupKey, index, name] = slot.path;
    const group = form.groups.find((candidate) => candidate.key === groupKey);
    const row = rowsOf(groupKey)[index];
    if (!group || !row) continue;
    if (same(value, row[name]) && !confirmed.has(key)) continue;
    changedGroups.add(groupKey);
    const rows = typedRowsOf(group);
    if (group.typedRows === 'replace') continue; // rebuilt below from every posted row
    const rowKey = group.rowKey;
    let target = rowKey ? rows.find((candidate) => candidate[rowKey] === row[rowKey]) : rows[index];
    if (!target) {
      target = rowKey && row[rowKey] !== undefined ? { [rowKey]: row[rowKey] as FieldValue } : {};
      if (rowKey) rows.push(target);
      else rows[index] = target;
    }
    if (empty(value)) delete target[name];
    else target[name] = value;
  }

  for (const group of form.groups) {
    if (!changedGroups.has(group.key)) continue;
    if (group.typedRows === 'replace') {
      next[group.key] = rowsOf(group.key).map((row, index) => {
        const copy: Record<string, FieldValue> = { ...row };
        for (const [name, current] of Object.entries(row)) {
          const value = posted(body, `${group.key}[${index}].${name}`, Array.isArray(current));
          if (value !== undefined) copy[name] = value;
        }
        return copy;
      });
    } else {
      next[group.key] = (groupRows.get(group.key) ?? []).map((row) => row ?? {});
    }
  }
  return next;
}

/** Adds an empty row to an applicant group (a scope item, a person typed by hand). */
export function addRow(typed: FormValues, group: string, row: Row = {}): FormValues {
  const rows = (typed[group] ?? []) as readonly Row[];
  return { ...typed, [group]: [...rows, row] };
}

export function removeRow(typed: FormValues, group: string, index: number): FormValues {
  const rows = (typed[group] ?? []) as readonly Row[];
  return { ...typed, [group]: rows.filter((_, i) => i !== index) };
}
