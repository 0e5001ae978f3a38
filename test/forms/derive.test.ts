import { describe, expect, it } from 'vitest';
import { DERIVATIONS, ROW_RULES_BY_GROUP } from '../../forms/derive/index.ts';
import { resolveForm } from '../../forms/derive/resolve.ts';
import type { DeriveContext } from '../../forms/derive/types.ts';
import { mergeBundle } from '../../forms/merge/merge.ts';
import type { FormValues } from '../../forms/model/types.ts';
import { resolvedReference } from './reference.ts';

const TODAY = '2025-03-03';
const persons = [
  { id: 'p1', name: '林志远', mobile: '13805961234', roles: ['股东', '法定代表人', '执行董事', '经理'] },
  { id: 'p2', name: '陈晓梅', mobile: '13959612345', roles: ['股东', '监事', '联络员'] },
];
const base: FormValues = {
  'company.type': '1130',
  'company.name': '漳州云启软件科技有限公司',
  'company.registeredCapital': '100',
  'company.domicile.region': '350603',
  'company.domicile.detail': '漳州市龙文区朝阳北路1号3幢501室',
  'company.businessAddress.sameAsDomicile': '1',
  'company.industryCode': 'I65',
  'company.creditCode': '91350603MA0044EF1P',
  'company.establishedDate': '2025-03-10',
  'company.phone': '0596-2345678',
  'fund.employerRate': '8',
  'food.area': '120',
  persons,
  scope: [{ code: 'I65002' }, { code: 'I65001', main: '1' }, { code: 'H62001' }],
  shareholders: [
    { person: 'p1', ratio: '70' },
    { person: 'p2', ratio: '30' },
  ],
};

const ctx = (
  values: FormValues = {},
  row?: Record<string, string | string[]>,
  index?: number,
): DeriveContext => ({
  values: { ...base, ...values },
  today: TODAY,
  ...(row ? { row } : {}),
  ...(index === undefined ? {} : { index }),
});

/** Every derivation with an example: [rule, context, expected]. A rule added without a case fails the last test. */
const CASES: ReadonlyArray<readonly [string, DeriveContext, unknown]> = [
  ['persons[].gender', ctx({}, { idNumber: '350603198506120316' }), '1'],
  ['persons[].gender', ctx({}, { idNumber: '11010519491231002X' }), '2'],
  ['persons[].gender', ctx({}, { idType: '护照', idNumber: 'E12345678' }), undefined],
  ['persons[].birthDate', ctx({}, { idNumber: '350681199003080563' }), '1990-03-08'],
  ['company.legalForm', ctx({ 'company.type': '1151' }), '有限责任公司'],
  ['company.legalForm', ctx({ 'company.type': '4540' }), '个人独资企业'],
  ['company.unitCategory', ctx(), '企业'],
  ['company.economicType', ctx(), '173'],
  ['company.economicType', ctx({ 'company.type': '1110' }), '151'],
  ['company.economicType', ctx({ 'company.type': '1200' }), '160'],
  ['company.economicType', ctx({ 'company.type': '4540' }), '171'],
  ['company.fundUnitType', ctx(), '1'],
  ['company.fundUnitType', ctx({ 'company.type': '4540' }), '2'],
  ['company.fundUnitNature', ctx(), '6'],
  ['company.fundUnitNature', ctx({ 'company.type': '1110' }), '3'],
  ['company.businessAddress.region', ctx(), '350603'],
  ['company.businessAddress.region', ctx({ 'company.businessAddress.sameAsDomicile': '0' }), undefined],
  ['company.businessAddress.detail', ctx(), '漳州市龙文区朝阳北路1号3幢501室'],
  ['company.phone', ctx(), '13959612345'], // the 联络员's mobile
  ['company.postcode', ctx(), '363000'],
  ['company.postcode', ctx({ 'company.domicile.region': '350203' }), '361000'],
  ['company.scopeText', ctx(), '软件开发；信息技术咨询服务；餐饮服务'],
  ['company.industryCode', ctx(), 'I65'],
  ['company.industryCode', ctx({ scope: [{ code: 'H62001', main: '1' }] }), 'H62'],
  ['company.injuryRiskClass', ctx(), '1'],
  ['company.injuryRiskClass', ctx({ 'company.industryCode': 'E47' }), '6'],
  ['scope[].main', ctx({ scope: [{ code: 'I65001' }, { code: 'I65002' }] }, { code: 'I65001' }, 0), '1'],
  ['scope[].main', ctx({ scope: [{ code: 'I65001' }, { code: 'I65002' }] }, { code: 'I65002' }, 1), '0'],
  [
    'scope[].main',
    ctx({ scope: [{ code: 'I65001' }, { code: 'I65002', main: '1' }] }, { code: 'I65001' }, 0),
    '0',
  ],
  ['tax.mainBusinessCategory', ctx(), '服务业'],
  ['tax.mainBusinessCategory', ctx({ 'company.industryCode': 'C39' }), '工业'],
  ['tax.mainBusinessCategory', ctx({ 'company.industryCode': 'F52' }), '商业'],
  ['delivery.recipient', ctx(), '陈晓梅'],
  ['delivery.recipientPhone', ctx(), '13959612345'],
  ['delivery.sealAddress', ctx(), '福建省漳州市龙文区朝阳北路1号3幢501室'],
  [
    'delivery.sealAddress',
    ctx({ 'delivery.address': '厦门市思明区湖滨南路88号' }),
    '厦门市思明区湖滨南路88号',
  ],
  ['shareholders[].subscribedCapital', ctx({}, { person: 'p1', ratio: '70' }), '70'],
  [
    'shareholders[].subscribedCapital',
    ctx({ 'company.registeredCapital': '30' }, { ratio: '33.3333' }),
    '10',
  ],
  ['shareholders[].deadline', ctx(), '2030-03-03'],
  ['beneficialOwners[].ratio', ctx({}, { person: 'p2' }), '30'],
  ['seals[].type', ctx({}, { type: '03' }), '03'],
  ['seals[].size', ctx({}, { type: '01' }), 'Φ40mm'],
  ['seals[].size', ctx({}, { type: '03' }), '40×30mm'],
  ['seals[].text', ctx({}, { type: '01' }), '漳州云启软件科技有限公司'],
  ['seals[].text', ctx({}, { type: '03' }), '漳州云启软件科技有限公司\n91350603MA0044EF1P'],
  ['seals[].text', ctx({ 'company.creditCode': '' }, { type: '03' }), undefined],
  ['seals[].text', ctx({}, { type: '05' }), '林志远'],
  ['insurance.insuredDate', ctx(), '2025-03-10'],
  ['fund.startMonth', ctx(), '2025-03'],
  ['fund.employeeRate', ctx(), '8'],
  ['fund.agentOfficePhone', ctx(), '0596-2345678'],
  ['food.format', ctx(), '餐饮服务经营者'],
  ['food.format', ctx({ scope: [{ code: 'F52007' }] }), '食品销售经营者'], // 食品销售（仅销售预包装食品）
  ['food.format', ctx({ scope: [{ code: 'F52002' }] }), undefined], // 电子产品销售
  [
    'signboard.location',
    ctx({ 'company.businessAddress.region': '350603', 'company.businessAddress.detail': '建元路2号' }),
    '福建省漳州市龙文区建元路2号',
  ],
  ['signboard.text', ctx(), '漳州云启软件科技有限公司'],
  ['fire.venueName', ctx(), '漳州云启软件科技有限公司'],
  ['fire.buildingArea', ctx(), '120'],
];

describe('derivations', () => {
  it.each(CASES.map(([rule, c, expected], i) => [i, rule, c, expected] as const))(
    '#%i %s',
    (_i, rule, c, expected) => {
      expect(DERIVATIONS.get(rule)?.derive(c)).toEqual(expected);
    },
  );

  it('every derivation has a case above, and every element source names an existing rule', () => {
    const covered = new Set(CASES.map(([rule]) => rule));
    expect([...DERIVATIONS.keys()].filter((k) => !covered.has(k))).toEqual([]);
  });

  it('derives the rows of shareholders, beneficial owners (≥ 25 %) and the five standard seals', () => {
    const values: FormValues = {
      persons: [...persons, { id: 'p3', roles: ['股东'] }],
      shareholders: [
        { person: 'p1', ratio: '70' },
        { person: 'p2', ratio: '25' },
        { person: 'p3', ratio: '5' },
      ],
    };
    expect(ROW_RULES_BY_GROUP.get('shareholders')?.rows(values)).toEqual([
      { person: 'p1' },
      { person: 'p2' },
      { person: 'p3' },
    ]);
    expect(ROW_RULES_BY_GROUP.get('beneficialOwners')?.rows(values)).toEqual([
      { person: 'p1' },
      { person: 'p2' },
    ]);
    expect(
      ROW_RULES_BY_GROUP.get('seals')
        ?.rows(values)
        .map((r) => r.type),
    ).toEqual(['01', '02', '03', '04', '05']);
  });
});

describe('resolving an application', () => {
  it('prefills person fields from the ID card and derives 性别 and 出生日期 from the number', async () => {
    const { resolved } = await resolvedReference();
    const p2 = (resolved.values.persons as Record<string, unknown>[])[1];
    expect(p2).toMatchObject({
      name: '陈晓梅',
      ethnicity: '22',
      gender: '2',
      birthDate: '1990-03-08',
      nationality: '156',
    });
    const origin = (path: string) => resolved.slots.find((s) => s.path.join('.') === path)?.category;
    expect(origin('persons.1.name')).toBe('ocr');
    expect(origin('persons.1.gender')).toBe('derived');
    expect(origin('persons.1.politicalStatus')).toBe('default');
    expect(origin('persons.1.mobile')).toBe('applicant');
    expect(origin('company.creditCode')).toBe('item');
  });

  it('a derived or defaulted value can be overridden', async () => {
    const { formCase, form } = await resolvedReference();
    const typed: FormValues = {
      ...formCase.typed,
      'company.postcode': '363005',
      'fund.employerRate': '12',
      'company.businessAddress.sameAsDomicile': '0',
      'company.businessAddress.region': '350602',
      'company.businessAddress.detail': '胜利西路10号',
      seals: [{ type: '01' }, { type: '05', material: '铜' }],
    };
    const { values, slots } = resolveForm(form, {
      typed,
      documents: formCase.documents,
      today: formCase.today,
    });
    expect(values['company.postcode']).toBe('363005');
    expect(values['fund.employeeRate']).toBe('12');
    expect(values['company.businessAddress.region']).toBe('350602');
    expect(values.seals).toEqual([
      { type: '01', text: '漳州云启软件科技有限公司', material: '光敏', size: 'Φ40mm', quantity: '1' },
      { type: '05', text: '林志远', material: '铜', size: '20×20mm', quantity: '1' },
    ]);
    expect(slots.find((s) => s.path[0] === 'company.postcode')?.category).toBe('applicant');
  });

  it('fills values from the outputs of earlier items and derives from them', async () => {
    const { resolved } = await resolvedReference({ outputs: true });
    expect(resolved.values).toMatchObject({
      'company.creditCode': '91350603MA0044EF1P',
      'insurance.insuredDate': '2025-03-10',
      'fund.startMonth': '2025-03',
      'bank.accountNo': '1410020309200123456',
    });
  });

  it('a 个人独资企业 has no shareholder rows', () => {
    const form = mergeBundle('open-company');
    const { values } = resolveForm(form, {
      typed: { 'company.type': '4540', persons: [{ id: 'p1', roles: ['股东', '法定代表人'] }] },
      today: TODAY,
    });
    expect(values.shareholders).toEqual([]);
    expect(values['company.hasSupervisoryBoard']).toBeUndefined();
  });
});

describe('OCR readings', () => {
  it('are normalised whether printed ("男", "汉", "1990年3月8日") or already coded', async () => {
    const { normaliseReading } = await import('../../forms/derive/documents.ts');
    expect(normaliseReading('persons[].gender', '女')).toBe('2');
    expect(normaliseReading('persons[].gender', '2')).toBe('2');
    expect(normaliseReading('persons[].ethnicity', '畲')).toBe('22');
    expect(normaliseReading('persons[].ethnicity', '22')).toBe('22');
    expect(normaliseReading('persons[].birthDate', '1990年3月8日')).toBe('1990-03-08');
    expect(normaliseReading('persons[].birthDate', '1990-03-08')).toBe('1990-03-08');
    expect(normaliseReading('persons[].idNumber', '11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseReading('company.domicile.region', '福建省漳州市龙文区建元路2号101室')).toBe('350603');
    expect(normaliseReading('company.domicile.detail', '福建省漳州市龙文区建元路2号101室')).toBe(
      '建元路2号101室',
    );
    expect(normaliseReading('persons[].gender', '未知')).toBeUndefined();
  });
});
