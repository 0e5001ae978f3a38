import { z } from 'zod';
import { DERIVATIONS, type DeriveContext } from '../derive/index.ts';
import { awaitsInput } from '../derive/resolve.ts';
import { concernsPerson } from '../merge/applicability.ts';
import type { MergedField, MergedForm } from '../merge/types.ts';
import type { FieldValue, FormValues, Row } from '../model/types.ts';
import { splitGroupKey } from '../model/types.ts';
import { holds, isEmpty, rowScalar, rowsOf, scalar } from '../model/values.ts';
import { CHECKS } from './checks.ts';
import { companyNameProblem } from './company-name.ts';
import { CROSS_FIELD_RULES } from './cross-field.ts';
import { rowName, slotLabel } from './describe.ts';
import { elementSchema } from './element-schema.ts';

export interface SchemaOptions {
  /** The application date, 'yyyy-MM-dd'. */
  readonly today: string;
  /** What was typed (not derived): a typed value that contradicts a strict derivation is an error. */
  readonly typed?: FormValues;
}

type Path = (string | number)[];

/**
 * Derived from something still empty — an output not produced yet (参保日期 from 成立日期) or a value not
 * given (性别 from a missing ID number): not reported; the missing input is.
 */
function awaitsDerivation(field: MergedField, ctx: DeriveContext, pending: ReadonlySet<string>): boolean {
  return field.sources.some((s) => {
    const rule = s.kind === 'derived' ? DERIVATIONS.get(s.rule) : undefined;
    return rule !== undefined && awaitsInput(rule.inputs, ctx, pending);
  });
}

type Report = (path: Path, message: string) => void;

/** What to do about an empty required field, in the words of its control (tick, choose, upload, type). */
function missingMessage(field: MergedField, label: string): string {
  if (field.kind === 'upload') return `请上传${label}`;
  if (field.kind === 'bool' && field.constraints.mustBe) return `请勾选「${label}」`;
  if (['enum', 'region', 'multi', 'bool'].includes(field.kind)) return `请选择${label}`;
  return `${label}不能为空`;
}

function checkValue(field: MergedField, value: FieldValue, path: Path, values: FormValues, report: Report) {
  const label = slotLabel(field, path, values);
  const result = elementSchema({ ...field, label }).safeParse(value);
  if (!result.success) for (const issue of result.error.issues) report(path, issue.message);
  if (typeof value !== 'string' || value === '') return;
  if (field.constraints.checks?.includes('companyName')) {
    const problem = companyNameProblem(value, scalar(values, 'company.type'));
    if (problem) report(path, `${label}${problem}`);
  }
}

function checkSlot(
  field: MergedField,
  value: FieldValue | undefined,
  typedValue: unknown,
  path: Path,
  ctx: { values: FormValues; today: string; pending: ReadonlySet<string>; row?: Row; index?: number },
  report: Report,
) {
  if (value === undefined || isEmpty(value)) {
    if (field.constraints.required && !awaitsDerivation(field, ctx, ctx.pending)) {
      report(path, missingMessage(field, slotLabel(field, path, ctx.values)));
    }
    return;
  }
  // A value derived from another (联系电话 from the 法定代表人's mobile) is wrong only because its input is: the
  // input is blamed, not a field the person never typed.
  const derivedOnly =
    isEmpty(typedValue as FieldValue | undefined) && field.sources.some((s) => s.kind === 'derived');
  if (!derivedOnly) checkValue(field, value, path, ctx.values, report);
  // A person's ID number is checked as a 公民身份号码 when the document is a resident ID card.
  if (field.key === 'persons[].idNumber' && (rowScalar(ctx.row, 'idType') ?? '居民身份证') === '居民身份证') {
    const problem = typeof value === 'string' ? CHECKS.idNumber(value) : undefined;
    if (problem) report(path, `${slotLabel(field, path, ctx.values)}${problem}`);
  }
  const strict = field.sources.flatMap((s) => (s.kind === 'derived' ? [DERIVATIONS.get(s.rule)] : []))[0];
  if (strict?.strict && !isEmpty(typedValue as FieldValue | undefined)) {
    const expected = strict.derive(ctx);
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(typedValue)) {
      report(
        path,
        path.length === 3
          ? `${rowName(String(path[0]), Number(path[1]), ctx.values)}：${strict.strict.message}`
          : strict.strict.message,
      );
    }
  }
}

/**
 * The zod schema of a whole application for a merged form: every applicable field present when required
 * and valid for its element, the checks that need other fields (company name by type, ID numbers by
 * document type), typed values against strict derivations, and the cross-field rules. Issues carry the
 * path of the field they concern (['company.name'], ['persons', 0, 'mobile']) and a Chinese message.
 */
export function applicationSchema(form: MergedForm, options: SchemaOptions) {
  const typed = options.typed ?? {};
  const keys = new Set(form.fields.map((f) => f.key));
  return z.record(z.string(), z.unknown()).superRefine((input, zctx) => {
    const values = input as FormValues;
    const report: Report = (path, message) => zctx.addIssue({ code: 'custom', path, message });
    const pending = new Set(form.outputs.filter((o) => isEmpty(values[o.element])).map((o) => o.element));
    for (const group of form.groups) {
      if (!holds(group.when, values)) continue;
      const typedRows = rowsOf(typed, group.key);
      rowsOf(values, group.key).forEach((row, index) => {
        const typedRow = group.rowKey
          ? typedRows.find((t) => t[group.rowKey ?? ''] === row[group.rowKey ?? ''])
          : typedRows[index];
        for (const field of form.fields) {
          if (field.group !== group.key || !holds(field.when, values)) continue;
          if (group.key === 'persons' && !concernsPerson(field, row, values)) continue;
          const name = splitGroupKey(field.key)?.[1] ?? field.key;
          const ctx = { values, today: options.today, pending, row, index };
          checkSlot(field, row[name], typedRow?.[name], [group.key, index, name], ctx, report);
        }
      });
    }
    for (const field of form.fields) {
      if (field.group || !holds(field.when, values)) continue;
      const ctx = { values, today: options.today, pending };
      checkSlot(
        field,
        values[field.key] as FieldValue | undefined,
        typed[field.key],
        [field.key],
        ctx,
        report,
      );
    }
    for (const rule of CROSS_FIELD_RULES) {
      if (!rule.needs.every((k) => keys.has(k))) continue;
      for (const issue of rule.check(values, { form, today: options.today })) {
        report([...issue.path], issue.message);
      }
    }
  });
}

export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Validates resolved values; the issues are zod's, with their paths. */
export function validateApplication(
  form: MergedForm,
  values: FormValues,
  options: SchemaOptions,
): { readonly ok: boolean; readonly issues: readonly ValidationIssue[] } {
  const result = applicationSchema(form, options).safeParse(values);
  if (result.success) return { ok: true, issues: [] };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
  };
}
