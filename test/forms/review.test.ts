import { describe, expect, it } from 'vitest';
import { loadCase } from '../../forms/cases/load.ts';
import type { DocumentReading } from '../../forms/derive/documents.ts';
import { resolveForm } from '../../forms/derive/resolve.ts';
import { mergeBundle } from '../../forms/merge/merge.ts';
import type { FormValues, Row } from '../../forms/model/types.ts';
import { REVIEW_RULES, reviewApplication } from '../../forms/review/rules.ts';
import { REFERENCE_OUTPUTS, resolvedReference } from './reference.ts';

const { form, formCase } = await resolvedReference();
const persons = formCase.typed.persons as readonly Row[];

function review(options: {
  typed?: (t: Record<string, unknown>) => void;
  documents?: (d: DocumentReading[]) => DocumentReading[];
  outputs?: typeof REFERENCE_OUTPUTS | Record<string, Record<string, string>>;
  today?: string;
}) {
  const typed = structuredClone(formCase.typed) as Record<string, unknown>;
  options.typed?.(typed);
  const documents = options.documents ? options.documents([...formCase.documents]) : formCase.documents;
  const today = options.today ?? formCase.today;
  const resolved = resolveForm(form, {
    typed: typed as FormValues,
    documents,
    today,
    ...(options.outputs ? { outputs: options.outputs } : {}),
  });
  return reviewApplication({ form, resolved, documents, today });
}

describe('review rules for clerks (辅助审核)', () => {
  it('finds nothing in the reference application', () => {
    expect(review({})).toEqual([]);
  });

  it('missing materials', () => {
    const findings = review({
      documents: (d) => d.filter((doc) => doc.kind !== 'idCardBack' && doc.kind !== 'domicileProof'),
    });
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['missing-material', 'error', '缺少材料：人员“林志远”的身份证反面照片'],
      ['missing-material', 'error', '缺少材料：人员“陈晓梅”的身份证反面照片'],
      ['missing-material', 'error', '缺少材料：人员“黄思琪”的身份证反面照片'],
      ['missing-material', 'error', '缺少材料：住所使用证明（产权证明或租赁合同）'],
    ]);
    expect(findings[0]?.path).toEqual(['persons', 0, 'idBackPhoto']);
  });

  it('a value that disagrees with what OCR read, without showing personal numbers', () => {
    const findings = review({
      typed: (t) => {
        t.persons = persons.map((p, i) =>
          i === 0 ? { ...p, name: '林志元', idNumber: '350603198506120324' } : p,
        );
      },
    });
    const mismatches = findings.filter((f) => f.rule === 'ocr-mismatch');
    expect(mismatches.map((f) => f.message)).toEqual([
      '人员“林志元”的姓名与证件照片识别结果不一致（表单为“林志元”，识别为“林志远”），请核对原件',
      '人员“林志元”的证件号码与证件照片识别结果不一致，请核对原件',
      // The typed number's 17th digit is even: 女, which the card does not say.
      '人员“林志元”的性别与证件照片识别结果不一致（表单为“女”，识别为“男”），请核对原件',
    ]);
    expect(mismatches[1]?.path).toEqual(['persons', 0, 'idNumber']);
    expect(JSON.stringify(findings)).not.toContain('350603198506120324');
  });

  it('a failed check character', () => {
    const findings = review({
      typed: (t) => {
        t.persons = persons.map((p, i) => (i === 1 ? { ...p, idNumber: '350681199003080564' } : p));
      },
    });
    expect(findings).toContainEqual({
      rule: 'id-number-check',
      severity: 'error',
      path: ['persons', 1, 'idNumber'],
      message: '陈晓梅的公民身份号码校验未通过，请核对身份证原件',
    });
    const licence = review({
      outputs: { ...REFERENCE_OUTPUTS, 'business-registration': { creditCode: '91350603MA0044EF1Q' } },
    });
    expect(licence).toContainEqual({
      rule: 'credit-code-check',
      severity: 'warning',
      path: ['company.creditCode'],
      message: '统一社会信用代码校验未通过，请与营业执照原件核对',
    });
  });

  it('a legal representative under 18', () => {
    const findings = review({ today: '2003-06-11' });
    expect(findings).toContainEqual({
      rule: 'legal-representative-minor',
      severity: 'error',
      path: ['persons', 0, 'birthDate'],
      message: '法定代表人林志远未满18周岁，不能担任法定代表人',
    });
    expect(review({ today: '2003-06-12' }).some((f) => f.rule === 'legal-representative-minor')).toBe(false);
  });

  it('a scope item that needs a permit the bundle does not obtain', () => {
    const findings = review({
      typed: (t) => {
        t.scope = [{ code: 'I65001' }, { code: 'H62001' }];
      },
    });
    expect(findings).toContainEqual({
      rule: 'permit-required',
      severity: 'info',
      path: ['scope', 1, 'code'],
      message: '经营范围“餐饮服务”为许可项目，取得食品经营许可后方可经营，可办理“食品经营许可”',
    });
  });

  it('every rule is data with an id, a severity and a description, and is exercised here', () => {
    const exercised = [
      'missing-material',
      'ocr-mismatch',
      'id-number-check',
      'credit-code-check',
      'existing-licence',
      'legal-representative-minor',
      'permit-required',
    ];
    expect(REVIEW_RULES.map((r) => r.id)).toEqual(exercised);
    for (const rule of REVIEW_RULES) expect(rule.description).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('verifying an existing licence (开餐饮店, licence: existing)', async () => {
  const restaurant = await loadCase('restaurant');
  const licenceFields = restaurant.documents.find((d) => d.kind === 'businessLicence')?.fields ?? {};
  const verify = (
    fields: Record<string, string> | undefined,
    typed: FormValues = restaurant.typed,
    choice = restaurant.choice,
  ) => {
    const form = mergeBundle(restaurant.bundle, choice);
    const documents = restaurant.documents.map((d) =>
      d.kind === 'businessLicence' ? { id: d.id, kind: d.kind, ...(fields ? { fields } : {}) } : d,
    );
    const resolved = resolveForm(form, { typed, documents, today: restaurant.today });
    return reviewApplication({ form, resolved, documents, today: restaurant.today }).filter(
      (f) => f.rule === 'existing-licence',
    );
  };

  it('passes a licence read from its photo whose code checks and whose values the form carries', () => {
    expect(verify(licenceFields)).toEqual([]);
  });

  it('refuses a photo that gave no code or name', () => {
    expect(verify(undefined).map((f) => f.message)).toEqual([
      '未能从营业执照照片识别出名称和统一社会信用代码，无法核验营业执照，请上传清晰的营业执照照片',
    ]);
  });

  it('refuses a code that fails its check character, and a name typed over the licence', () => {
    const findings = verify(
      { ...licenceFields, creditCode: '91350603MA0044EF1Q' },
      { ...restaurant.typed, 'company.name': '漳州味来小吃店' },
    );
    expect(findings.map((f) => [f.severity, f.path, f.message])).toEqual([
      ['error', ['company.creditCode'], '营业执照照片上的统一社会信用代码校验未通过，请核对营业执照原件'],
      ['error', ['company.name'], '企业名称与营业执照照片不一致，请按营业执照填写'],
    ]);
  });

  it('has nothing to verify when business registration issues the licence', () => {
    expect(verify(undefined, restaurant.typed, { options: { licence: 'new' } })).toEqual([]);
  });
});
