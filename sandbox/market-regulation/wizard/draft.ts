import { type Body, rowIndexes } from '../../kit/body.ts';
import type { WizardDraft } from '../../kit/wizard.ts';

/** The application being filled, kept server-side in the session (steps must be saved in order). */
export type Draft = WizardDraft;

/** Rows of a repeating group: `ry[3][xm]` → [{ index: 3, key: k => `ry[3][${k}]` }], in index order. */
export function rowsOf(body: Body, prefix: string): { index: number; name(key: string): string }[] {
  return rowIndexes(body, prefix).map((index) => ({
    index,
    name: (key: string) => `${prefix}[${index}][${key}]`,
  }));
}

/** The saved body of a step ({} when not saved). */
export function stepBody(draft: Draft, step: number): Body {
  return draft.steps[step]?.body ?? {};
}
