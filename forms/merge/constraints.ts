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
  // The tightest bound of each side; a lower bound above the upper one is met by no value.
  const bounds = (
    low: 'minLength' | 'min',
    high: 'maxLength' | 'max',
    constraint: 'length' | 'range',
    unmet: (low: number, high: number) => string,
  ) => {
    const lows = numbers(low);
    const highs = numbers(high);
    if (lows.length > 0) out[low] = Math.max(...lows);
    if (highs.length > 0) out[high] = Math.min(...highs);
    const least = out[low];
    const most = out[high];
    if (least !== undefined && most !== undefined && least > most)
      conflicts.push({
        element,
        constraint,
        items: binding(low, least, high, most),
        message: `“${label}”${unmet(least, most)}`,
      });
  };
  bounds(
    'minLength',
    'maxLength',
    'length',
    (least, most) => `的长度要求无法同时满足：至少${least}个字符，又最多${most}个字符`,
  );
  bounds('min', 'max', 'range', (least, most) => `的取值范围无法同时满足：不小于${least}，又不大于${most}`);
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
