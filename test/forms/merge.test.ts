import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEMS, itemDef } from '../../forms/items/index.ts';
import type { ItemDef } from '../../forms/items/types.ts';
import { mergeBundle, mergeItems } from '../../forms/merge/merge.ts';
import { SECTIONS } from '../../forms/model/sections.ts';
import { OPEN_COMPANY_ITEMS } from '../support/open-company.ts';

const field = (form: ReturnType<typeof mergeBundle>, key: string) => form.fields.find((f) => f.key === key);

describe('merging the 开办企业 bundle', () => {
  const form = mergeBundle('open-company');

  it('puts the items in three waves from needs and produces', () => {
    expect(form.waves).toEqual([
      ['business-registration'],
      ['seal-engraving', 'bank-account'],
      ['tax-registration', 'social-insurance', 'medical-insurance', 'housing-fund'],
    ]);
    expect(form.needs['tax-registration']).toEqual(['business-registration', 'bank-account']);
    expect(form.needs['seal-engraving']).toEqual(['business-registration']);
  });

  it('removes what items produce from what the applicant fills', () => {
    const keys = form.fields.map((f) => f.key);
    for (const produced of [
      'company.creditCode',
      'company.establishedDate',
      'bank.accountNo',
      'bank.accountBank',
    ]) {
      expect(keys).not.toContain(produced);
      expect(form.outputs.map((o) => o.element)).toContain(produced);
    }
    const credit = form.outputs.find((o) => o.element === 'company.creditCode');
    expect(credit).toMatchObject({ item: 'business-registration', output: 'creditCode' });
    // Every item after 设立登记 uses it.
    expect(credit?.usedBy.map((u) => u.item)).toEqual(OPEN_COMPANY_ITEMS.slice(1));
  });

  it('takes each element once, with the items and labels that use it', () => {
    const name = field(form, 'company.name');
    expect(form.fields.filter((f) => f.key === 'company.name')).toHaveLength(1);
    expect(new Set(name?.usedBy.map((u) => u.item)).size).toBe(7);
    expect(name?.usedBy).toContainEqual({ item: 'housing-fund', field: 'unitName', label: '单位全称' });
    const idNumber = field(form, 'persons[].idNumber');
    expect(idNumber?.usedBy).toContainEqual({
      item: 'tax-registration',
      field: 'financeOfficer.idNumber',
      label: '财务负责人证件号码',
      role: '财务负责人',
    });
    expect(idNumber?.sensitive).toBe(true);
  });

  it('records the source category of each field', () => {
    expect(field(form, 'company.name')?.category).toBe('applicant');
    expect(field(form, 'persons[].name')?.category).toBe('ocr');
    expect(field(form, 'persons[].gender')?.category).toBe('derived');
    expect(field(form, 'company.currency')?.category).toBe('default');
    expect(field(form, 'company.postcode')?.category).toBe('default');
    // The licence does not exist yet: its OCR source does not apply in this bundle.
    expect(field(form, 'company.name')?.sources.map((s) => s.kind)).toEqual(['applicant']);
  });

  it('intersects constraints: the strictest wins', () => {
    // The housing fund opens an account only for a unit with employees.
    expect(field(form, 'company.employees')?.constraints).toMatchObject({ min: 1, required: true });
    expect(field(form, 'company.name')?.constraints).toMatchObject({
      maxLength: 100,
      checks: ['companyName'],
    });
    expect(form.conflicts).toEqual([]);
  });

  it('groups fields into sections in filling order', () => {
    const order = form.sections.map((s) => SECTIONS.findIndex((x) => x.id === s.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(form.sections[0]?.title).toBe('企业基本信息');
    expect(form.sections.at(-1)?.title).toBe('材料与承诺');
    expect(form.sections.flatMap((s) => s.fields).sort()).toEqual(form.fields.map((f) => f.key).sort());
  });

  it('lists the fields the bot resolves at run time', () => {
    expect(form.runtimeFields.map((f) => `${f.item}:${f.field}`)).toEqual([
      'seal-engraving:engravingCompany',
      'seal-engraving:smsCode',
      'bank-account:branch',
      'bank-account:appointment.date',
      'bank-account:appointment.slot',
    ]);
  });
});

describe('optional items and conditions', () => {
  it('without the bank, the account is typed and the later items wait only for registration', () => {
    const form = mergeBundle('open-company', { omit: ['bank-account'] });
    expect(form.items).not.toContain('bank-account');
    expect(form.waves).toEqual([
      ['business-registration'],
      ['seal-engraving', 'tax-registration', 'social-insurance', 'medical-insurance', 'housing-fund'],
    ]);
    expect(field(form, 'bank.accountNo')?.category).toBe('applicant');
    expect(field(form, 'bank.bank')).toBeUndefined();
  });

  it('without the housing fund, its fields are gone', () => {
    const form = mergeBundle('open-company', { omit: ['housing-fund'] });
    expect(form.fields.some((f) => f.section === 'fund')).toBe(false);
    expect(field(form, 'company.employees')?.constraints.min).toBe(0);
  });

  it('refuses to leave out a mandatory item or an unknown option', () => {
    expect(() => mergeBundle('open-company', { omit: ['business-registration'] })).toThrow(/没有可选事项/);
    expect(() => mergeBundle('open-restaurant', { options: { licence: 'maybe' } })).toThrow(/营业执照/);
    expect(() => mergeBundle('open-bakery')).toThrow(/没有名为/);
  });

  it('a 个人独资企业 has no shareholders’ contributions or supervisory board (conditions)', () => {
    const form = mergeBundle('open-company');
    for (const key of ['shareholders[].ratio', 'company.hasSupervisoryBoard']) {
      expect(field(form, key)?.when).toEqual({ element: 'company.type', notIn: ['4540'] });
    }
    expect(form.groups.find((g) => g.key === 'shareholders')?.when).toEqual({
      element: 'company.type',
      notIn: ['4540'],
    });
  });

  it('开餐饮店 with a licence reads the company from it; with a new licence, registration runs first', () => {
    const existing = mergeBundle('open-restaurant');
    expect(existing.items).toEqual(['food-business-licence', 'signboard', 'fire-safety']);
    expect(existing.waves).toHaveLength(1);
    expect(field(existing, 'company.creditCode')?.category).toBe('ocr');
    expect(field(existing, 'company.name')?.category).toBe('ocr');
    const fresh = mergeBundle('open-restaurant', {
      options: { licence: 'new' },
      include: ['social-insurance', 'housing-fund'],
    });
    expect(fresh.waves).toEqual([
      ['business-registration'],
      ['social-insurance', 'housing-fund', 'food-business-licence', 'signboard', 'fire-safety'],
    ]);
    expect(fresh.outputs.map((o) => o.element)).toContain('company.creditCode');
    // No bank item in this bundle: the applicant gives the account the insurers debit.
    expect(field(fresh, 'bank.accountNo')?.category).toBe('applicant');
  });
});

describe('unsatisfiable constraints', () => {
  const strictBank: ItemDef = {
    ...itemDef('bank-account'),
    id: 'bank-account',
    fields: [
      {
        kind: 'element',
        id: 'bank',
        label: '开户银行',
        element: 'bank.bank',
        constraints: { options: ['某某农村商业银行'] },
      },
      {
        kind: 'element',
        id: 'companyName',
        label: '企业名称',
        element: 'company.name',
        constraints: { minLength: 120 },
      },
      {
        kind: 'element',
        id: 'employees',
        label: '从业人数',
        element: 'company.employees',
        constraints: { max: 0 },
      },
    ],
  };

  it('are reported with the items involved, not hidden', () => {
    const form = mergeItems('test', [itemDef('business-registration'), strictBank, itemDef('housing-fund')]);
    expect(form.conflicts).toEqual([
      {
        element: 'company.name',
        constraint: 'length',
        items: ['bank-account', 'business-registration'],
        message: '“企业名称”的长度要求无法同时满足：至少120个字符，又最多100个字符',
      },
      expect.objectContaining({
        element: 'company.employees',
        constraint: 'range',
        items: ['housing-fund', 'bank-account'],
      }),
      expect.objectContaining({
        element: 'bank.bank',
        constraint: 'options',
        message: expect.stringContaining('“开户银行”的可选值没有交集'),
      }),
    ]);
  });
});

describe('merge properties', () => {
  const ids = [...ITEMS.keys()];
  const subsets = fc.subarray(ids, { minLength: 1 });

  it('the order of items does not change the merged form', () => {
    fc.assert(
      fc.property(
        subsets.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([items, shuffled]) => {
          expect(mergeItems('x', shuffled.map(itemDef))).toEqual(mergeItems('x', items.map(itemDef)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('merging a bundle with itself adds nothing', () => {
    fc.assert(
      fc.property(subsets, (items) => {
        const once = mergeItems('x', items.map(itemDef));
        expect(mergeItems('x', [...items, ...items].map(itemDef))).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});
