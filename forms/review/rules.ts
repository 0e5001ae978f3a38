import { BUSINESS_SCOPE_ITEMS, validateCreditCode, validateIdNumber } from '../codes/index.ts';
import type { DocumentReading } from '../derive/documents.ts';
import type { Resolved } from '../derive/resolve.ts';
import { ITEMS } from '../items/index.ts';
import type { MergedForm } from '../merge/types.ts';
import { personForRole } from '../model/roles.ts';
import type { FormValues } from '../model/types.ts';
import { ageOn, rowScalar, rowsOf, scalar } from '../model/values.ts';
import { slotLabel } from '../validate/describe.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A finding for the clerk (辅助审核): what is wrong or worth a look, and where. No personal data in `message`. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: readonly (string | number)[];
}

export interface ReviewContext {
  readonly form: MergedForm;
  readonly resolved: Resolved;
  readonly documents: readonly DocumentReading[];
  readonly today: string;
}

/** A review rule as data: an id, a severity, what it looks for, and the check. */
export interface ReviewRule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  check(ctx: ReviewContext): Array<Omit<Finding, 'rule' | 'severity'>>;
}

function fieldOf(ctx: ReviewContext, key: string) {
  return ctx.form.fields.find((f) => f.key === key);
}

function show(value: unknown, labels?: Readonly<Record<string, string>>): string {
  const text = Array.isArray(value) ? value.join('、') : String(value);
  return labels?.[text] ?? text;
}

/** Items of the bundle that grant a permit ('食品经营许可' ← food-business-licence). */
const PERMIT_ITEMS: Readonly<Record<string, string>> = { 食品经营许可: 'food-business-licence' };

/** The bundle takes the company from a licence photo (开餐饮店 with `licence: existing`), not from registration. */
function licenceIsRead(form: MergedForm): boolean {
  return (
    form.fields
      .find((f) => f.key === 'company.creditCode')
      ?.sources.some((s) => s.kind === 'ocr' && s.document === 'businessLicence') ?? false
  );
}

function values(ctx: ReviewContext): FormValues {
  return ctx.resolved.values;
}

export const REVIEW_RULES: readonly ReviewRule[] = [
  {
    id: 'missing-material',
    severity: 'error',
    description: '缺少必须上传的材料',
    check: (ctx) =>
      ctx.resolved.slots.flatMap((slot) => {
        const field = fieldOf(ctx, slot.element);
        if (field?.kind !== 'upload' || slot.filled || !slot.required) return [];
        return [{ path: slot.path, message: `缺少材料：${slotLabel(field, slot.path, values(ctx))}` }];
      }),
  },
  {
    id: 'ocr-mismatch',
    severity: 'warning',
    description: '表单填写的内容与证件照片识别结果不一致',
    check: (ctx) =>
      ctx.resolved.readings.flatMap((reading) => {
        const field = fieldOf(ctx, reading.element);
        const path = reading.path;
        const value =
          path.length === 1 ? values(ctx)[path[0]] : rowsOf(values(ctx), path[0])[path[1]]?.[path[2]];
        if (!field || value === undefined || JSON.stringify(value) === JSON.stringify(reading.read))
          return [];
        const label = slotLabel(field, path, values(ctx));
        const detail = field.sensitive
          ? ''
          : `（表单为“${show(value, field.optionLabels)}”，识别为“${show(reading.read, field.optionLabels)}”）`;
        return [{ path, message: `${label}与证件照片识别结果不一致${detail}，请核对原件` }];
      }),
  },
  {
    id: 'id-number-check',
    severity: 'error',
    description: '公民身份号码校验未通过',
    check: (ctx) =>
      rowsOf(values(ctx), 'persons').flatMap((person, index) => {
        const number = rowScalar(person, 'idNumber');
        if (!number || (rowScalar(person, 'idType') ?? '居民身份证') !== '居民身份证') return [];
        if (validateIdNumber(number).valid) return [];
        const name = rowScalar(person, 'name') ?? `第${index + 1}位人员`;
        return [
          {
            path: ['persons', index, 'idNumber'],
            message: `${name}的公民身份号码校验未通过，请核对身份证原件`,
          },
        ];
      }),
  },
  {
    id: 'credit-code-check',
    severity: 'warning',
    // Some early pilot codes fail the check: from a scanned licence that means "confirm", not "reject".
    description: '统一社会信用代码校验未通过（需与营业执照原件核对）',
    check: (ctx) => {
      const code = scalar(values(ctx), 'company.creditCode');
      if (!code || validateCreditCode(code).valid) return [];
      return [{ path: ['company.creditCode'], message: '统一社会信用代码校验未通过，请与营业执照原件核对' }];
    },
  },
  {
    id: 'existing-licence',
    severity: 'error',
    // Our sandbox has no public register to look the code up in (国家企业信用信息公示系统): what can be checked
    // offline is that the photo was read, its code passes GB 32100 and the form carries what it printed.
    // Social insurance and the housing fund then check code and name against the registrar's data themselves.
    description: '已有营业执照未通过核验（照片识别、统一社会信用代码校验、名称与代码一致）',
    check: (ctx) => {
      if (!licenceIsRead(ctx.form)) return [];
      const licence = ctx.documents.find((d) => d.kind === 'businessLicence' && d.fields);
      const code = licence?.fields?.creditCode?.trim().toUpperCase();
      const name = licence?.fields?.name?.trim();
      if (!code || !name) {
        return [
          {
            path: ['company.creditCode'],
            message:
              '未能从营业执照照片识别出名称和统一社会信用代码，无法核验营业执照，请上传清晰的营业执照照片',
          },
        ];
      }
      const findings: Array<Omit<Finding, 'rule' | 'severity'>> = [];
      if (!validateCreditCode(code).valid)
        findings.push({
          path: ['company.creditCode'],
          message: '营业执照照片上的统一社会信用代码校验未通过，请核对营业执照原件',
        });
      if (scalar(values(ctx), 'company.creditCode') !== code)
        findings.push({
          path: ['company.creditCode'],
          message: '统一社会信用代码与营业执照照片不一致，请按营业执照填写',
        });
      if (scalar(values(ctx), 'company.name') !== name)
        findings.push({ path: ['company.name'], message: '企业名称与营业执照照片不一致，请按营业执照填写' });
      return findings;
    },
  },
  {
    id: 'legal-representative-minor',
    severity: 'error',
    description: '法定代表人未满18周岁',
    check: (ctx) => {
      const rep = personForRole(values(ctx), '法定代表人');
      const birth = rowScalar(rep, 'birthDate');
      if (!rep || !birth || ageOn(birth, ctx.today) >= 18) return [];
      const index = rowsOf(values(ctx), 'persons').indexOf(rep);
      return [
        {
          path: ['persons', index, 'birthDate'],
          message: `法定代表人${rowScalar(rep, 'name') ?? ''}未满18周岁，不能担任法定代表人`,
        },
      ];
    },
  },
  {
    id: 'permit-required',
    severity: 'info',
    description: '经营范围含许可项目，须另行取得许可',
    check: (ctx) =>
      rowsOf(values(ctx), 'scope').flatMap((row, index) => {
        const item = BUSINESS_SCOPE_ITEMS.byCode(rowScalar(row, 'code') ?? '');
        if (!item?.permit) return [];
        const grantedBy = PERMIT_ITEMS[item.permit];
        if (grantedBy && ctx.form.items.includes(grantedBy)) return [];
        const hint = grantedBy ? `，可办理“${ITEMS.get(grantedBy)?.name}”` : '';
        return [
          {
            path: ['scope', index, 'code'],
            message: `经营范围“${item.name}”为许可项目，取得${item.permit}后方可经营${hint}`,
          },
        ];
      }),
  },
];

/** Runs every review rule; errors first. */
export function reviewApplication(ctx: ReviewContext): Finding[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return REVIEW_RULES.flatMap((rule) =>
    rule.check(ctx).map((f) => ({ rule: rule.id, severity: rule.severity, ...f })),
  ).sort((a, b) => order[a.severity] - order[b.severity]);
}
