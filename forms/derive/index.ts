import { COMPANY_RULES } from './company-rules.ts';
import { LATER_RULES } from './later-rules.ts';
import { PERSON_RULES } from './person-rules.ts';
import { ROW_RULES } from './row-rules.ts';
import type { Derivation, RowRule } from './types.ts';

export const DERIVATIONS: ReadonlyMap<string, Derivation> = new Map(
  [...PERSON_RULES, ...COMPANY_RULES, ...LATER_RULES].map((d) => [d.target, d]),
);

export const ROW_RULES_BY_GROUP: ReadonlyMap<string, RowRule> = new Map(ROW_RULES.map((r) => [r.group, r]));

export type { Derivation, DeriveContext, RowRule } from './types.ts';
