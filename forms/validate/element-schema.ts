import { z } from 'zod';
import type { CheckId, Constraints, FieldKind } from '../model/types.ts';
import { CHECKS } from './checks.ts';

export interface ElementSchemaInput {
  readonly label: string;
  readonly kind: FieldKind;
  readonly constraints: Constraints;
  readonly optionLabels?: Readonly<Record<string, string>>;
}

const FORMAT: Partial<Record<FieldKind, { pattern: RegExp; message: string }>> = {
  int: { pattern: /^-?\d+$/, message: '应为整数' },
  decimal: { pattern: /^-?\d+(\.\d+)?$/, message: '应为数字' },
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '应为日期（年-月-日）' },
  month: { pattern: /^\d{4}-\d{2}$/, message: '应为年月（年-月）' },
  bool: { pattern: /^[01]$/, message: '应为“是”或“否”' },
};

function realDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number?];
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    (d === undefined || date.getUTCDate() === d)
  );
}

/** Problems of one scalar value, each worded to follow the label. */
function scalarProblems(
  value: string,
  kind: FieldKind,
  c: Constraints,
  labels?: Readonly<Record<string, string>>,
) {
  const problems: string[] = [];
  const format = FORMAT[kind];
  if (format && !format.pattern.test(value)) return [format.message];
  if ((kind === 'date' || kind === 'month') && !realDate(value)) return ['不是有效的日期'];
  const length = [...value].length;
  if (c.minLength !== undefined && length < c.minLength) problems.push(`至少${c.minLength}个字`);
  if (c.maxLength !== undefined && length > c.maxLength) problems.push(`不能超过${c.maxLength}个字`);
  if (kind === 'int' || kind === 'decimal') {
    const n = Number(value);
    if (c.min !== undefined && n < c.min) problems.push(`不能小于${c.min}`);
    if (c.max !== undefined && n > c.max) problems.push(`不能大于${c.max}`);
  }
  if (c.options && !c.options.includes(value)) {
    const shown = c.options.map((o) => labels?.[o] ?? o);
    problems.push(`应为以下之一：${shown.slice(0, 8).join('、')}${shown.length > 8 ? '等' : ''}`);
  }
  if (c.mustBe !== undefined && value !== c.mustBe)
    problems.push(c.mustBe === '1' ? '须勾选确认' : `应为${c.mustBe}`);
  for (const check of c.checks ?? []) {
    if (check === 'companyName' || check === 'idNumber') continue; // need other fields: see form-schema.ts
    const problem = CHECKS[check as Exclude<CheckId, 'companyName'>](value);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * The zod schema of one element's value (its kind, the merged constraints, its checks), with Chinese
 * messages that name the field: '注册资本（万元）应为数字'. Empty values pass here; whether a value is required
 * depends on other fields and is checked by the form schema.
 */
export function elementSchema(input: ElementSchemaInput): z.ZodType<string | string[]> {
  const { label, kind, constraints, optionLabels } = input;
  if (kind === 'multi') {
    return z.array(z.string(), { error: `${label}格式不正确` }).superRefine((values, ctx) => {
      if (constraints.minLength !== undefined && values.length > 0 && values.length < constraints.minLength) {
        ctx.addIssue({ code: 'custom', message: `${label}至少选择${constraints.minLength}项` });
      }
      const unknown = values.filter((v) => constraints.options && !constraints.options.includes(v));
      if (unknown.length > 0)
        ctx.addIssue({ code: 'custom', message: `${label}中“${unknown.join('、')}”不是可选项` });
    });
  }
  return z.string({ error: `${label}格式不正确` }).superRefine((raw, ctx) => {
    const value = raw.trim();
    if (value === '') return;
    for (const problem of scalarProblems(value, kind, constraints, optionLabels)) {
      ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
    }
  });
}
