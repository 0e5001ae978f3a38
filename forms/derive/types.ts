import type { FieldValue, FormValues, Row } from '../model/types.ts';

export interface DeriveContext {
  /** The values resolved so far (typed, produced, read and derived). */
  readonly values: FormValues;
  /** The application date, 'yyyy-MM-dd' (pinned for reproducible results). */
  readonly today: string;
  /** For a group field: the row being resolved and its index. */
  readonly row?: Row;
  readonly index?: number;
}

/**
 * A rule computing one element from others. `strict` rules state a fact (性别 follows from the ID number): a
 * typed value that disagrees is an error with that message. Other rules propose a value that may be
 * overridden. `category: 'default'` marks rules that propose a convention rather than a consequence (the
 * seals' sizes, a five-year 认缴期限), so `forms stats` counts them as defaults.
 */
export interface Derivation {
  /** The target element key. */
  readonly target: string;
  /** Element keys the rule reads (used for the merged form's closure and the item dependency graph). */
  readonly inputs: readonly string[];
  readonly strict?: { readonly message: string };
  readonly category?: 'derived' | 'default';
  derive(ctx: DeriveContext): FieldValue | undefined;
}

/** Rows of a group computed from other data (shareholders from the persons holding 股东). */
export interface RowRule {
  readonly group: string;
  readonly inputs: readonly string[];
  readonly category: 'derived' | 'default';
  rows(values: FormValues): readonly Row[];
}
