import type { CheckId, Constraints } from '../model/types.ts';

/** A constraint no value can satisfy, with the items that asked for it. */
export interface ConstraintConflict {
  readonly element: string;
  readonly constraint: 'length' | 'range' | 'options' | 'mustBe';
  readonly items: readonly string[];
  readonly message: string;
}

export interface ConstraintSource {
  /** An item id, or 'catalogue' for the element's own constraints. */
  readonly from: string;
  readonly constraints: Constraints;
}

/**
 * Intersects constraints: required if any requires it, the longest minimum and the shortest maximum, the
 * narrowest option list, every check. What cannot be satisfied is reported, never silently resolved.
 */
export function intersectConstraints(
  element: string,
  label: string,
  sources: readonly ConstraintSource[],
): { constraints: Constraints; conflicts: ConstraintConflict[] } {
  const conflicts: ConstraintConflict[] = [];
  const having = (key: keyof Constraints) => sources.filter((s) => s.constraints[key] !== undefined);
  // The sources that set the effective bounds: the ones a conflict is between.
  const binding = (lowKey: 'minLength' | 'min', low: number, highKey: 'maxLength' | 'max', high: number) => [
    ...new Set([
      ...sources.filter((s) => s.constraints[lowKey] === low).map((s) => s.from),
      ...sources.filter((s) => s.constraints[highKey] === high).map((s) => s.from),
    ]),
  ];
  const numbers = (key: 'minLength' | 'maxLength' | 'min' | 'max') =>
    sources.flatMap((s) => (s.constraints[key] === undefined ? [] : [s.constraints[key]]));

  const out: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
  if (sources.some((s) => s.constraints.required)) out.required = true;
  const minLength = numbers('minLength');
  const maxLength = numbers('maxLength');
  if (minLength.length > 0) out.minLength = Math.max(...minLength);
  if (maxLength.length > 0) out.maxLength = Math.min(...maxLength);
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    conflicts.push({
      element,
      constraint: 'length',
      items: binding('minLength', out.minLength, 'maxLength', out.maxLength),
      message: `“${label}”的长度要求无法同时满足：至少${out.minLength}个字符，又最多${out.maxLength}个字符`,
    });
  }
  const min = numbers('min');
  const max = numbers('max');
  if (min.length > 0) out.min = Math.max(...min);
  if (max.length > 0) out.max = Math.min(...max);
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    conflicts.push({
      element,
      constraint: 'range',
      items: binding('min', out.min, 'max', out.max),
      message: `“${label}”的取值范围无法同时满足：不小于${out.min}，又不大于${out.max}`,
    });
  }
  const optionLists = sources.flatMap((s) =>
    s.constraints.options ? [{ from: s.from, options: s.constraints.options }] : [],
  );
  if (optionLists.length > 0) {
    const [first, ...rest] = optionLists.map((s) => s.options);
    out.options = (first ?? []).filter((o) => rest.every((list) => list.includes(o)));
    if (out.options.length === 0) {
      conflicts.push({
        element,
        constraint: 'options',
        items: optionLists.map((s) => s.from),
        message: `“${label}”的可选值没有交集：${optionLists
          .map((s) => `${s.from}允许${s.options.join('/')}`)
          .join('；')}`,
      });
    }
  }
  const mustBe = [...new Set(having('mustBe').map((s) => s.constraints.mustBe as string))];
  if (mustBe.length === 1) out.mustBe = mustBe[0];
  if (mustBe.length > 1) {
    conflicts.push({
      element,
      constraint: 'mustBe',
      items: having('mustBe').map((s) => s.from),
      message: `“${label}”被要求同时等于${mustBe.join('和')}`,
    });
  }
  const checks = [...new Set(sources.flatMap((s) => s.constraints.checks ?? []))] as CheckId[];
  if (checks.length > 0) out.checks = checks;
  return { constraints: out, conflicts };
}
