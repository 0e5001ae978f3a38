import type { FormValues, MergedForm, Row } from '../../forms/index.ts';

/**
 * Persons are rows of the merged form ('persons'), each with a stable id ('p1', 'p2', …) that documents
 * (their ID cards) and other groups (shareholders) refer to. Entered once, given roles.
 */
export function personIds(values: Record<string, unknown> | FormValues): string[] {
  const rows = (values as Record<string, unknown>).persons;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) =>
    row && typeof row === 'object' && typeof (row as Row).id === 'string' ? [String((row as Row).id)] : [],
  );
}

/** Adds an empty person (to be read from their ID card or typed) and returns its id. */
export function addPerson(typed: FormValues): { id: string; typed: FormValues } {
  const taken = new Set(personIds(typed));
  let n = taken.size + 1;
  while (taken.has(`p${n}`)) n += 1;
  const id = `p${n}`;
  const rows = Array.isArray(typed.persons) ? (typed.persons as readonly Row[]) : [];
  return { id, typed: { ...typed, persons: [...rows, { id }] } };
}

export function removePerson(typed: FormValues, id: string): FormValues {
  const rows = Array.isArray(typed.persons) ? (typed.persons as readonly Row[]) : [];
  return { ...typed, persons: rows.filter((row) => row.id !== id) };
}

/** Sets the roles a person holds (the first thing a form needs about them: it decides what is asked). */
export function setRoles(typed: FormValues, id: string, roles: readonly string[]): FormValues {
  const rows = Array.isArray(typed.persons) ? (typed.persons as readonly Row[]) : [];
  return { ...typed, persons: rows.map((row) => (row.id === id ? { ...row, roles: [...roles] } : row)) };
}

/** One empty row for each list the applicant builds, other than persons (they come from ID cards). */
export function startingRows(form: MergedForm): FormValues {
  return Object.fromEntries(
    form.groups
      .filter((group) => group.rows === 'applicant' && group.key !== 'persons')
      .map((group) => [group.key, [{}]]),
  );
}
