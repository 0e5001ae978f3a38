import type { RawValue, UploadedFileMeta } from '../../kit/submissions.ts';

/** A form body by HTML names, as the step's POST carried it. */
export type Body = Record<string, RawValue>;

/** The application being filled, kept server-side in the session (steps must be saved in order). */
export interface Draft {
  id: string;
  /** The accepted body of each saved step, with when it arrived. */
  steps: Partial<Record<number, { body: Body; receivedAt: string; path: string }>>;
  /** Highest step saved so far (0 = none). */
  completed: number;
  /** The first save's warning has been answered with 继续. */
  warned: boolean;
  /** Uploaded files referenced by the draft, by upload id. */
  files: Record<string, UploadedFileMeta>;
}

export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function list(body: Body, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

/** Rows of a repeating group: `ry[3][xm]` → [{ index: 3, key: k => `ry[3][${k}]` }], in index order. */
export function rowsOf(body: Body, prefix: string): { index: number; name(key: string): string }[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\[`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => ({ index, name: (key: string) => `${prefix}[${index}][${key}]` }));
}

/** The saved body of a step ({} when not saved). */
export function stepBody(draft: Draft, step: number): Body {
  return draft.steps[step]?.body ?? {};
}
