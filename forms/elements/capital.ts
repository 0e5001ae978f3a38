import type { ElementDef, GroupDef } from '../model/types.ts';
import { NOT_SOLE_PROPRIETORSHIP } from './company.ts';
import { applicant, byDefault, derived, element } from './define.ts';

export const SCOPE_GROUP: GroupDef = { key: 'scope', label: '经营范围', section: 'scope', rows: 'applicant' };

/** One row per person holding the 股东 role (a 个人独资企业 has an 投资人, not shareholders' contributions). */
export const SHAREHOLDER_GROUP: GroupDef = {
  key: 'shareholders',
  label: '股东出资',
  section: 'capital',
  rowKey: 'person',
  rows: { derived: 'shareholders' },
  typedRows: 'overlay',
  when: NOT_SOLE_PROPRIETORSHIP,
};

/** Every shareholder holding ≥ 25 % (the bank's 受益所有人), unless the applicant lists them. */
export const BENEFICIAL_OWNER_GROUP: GroupDef = {
  key: 'beneficialOwners',
  label: '受益所有人',
  section: 'bank',
  rowKey: 'person',
  rows: { derived: 'beneficialOwners' },
  typedRows: 'replace',
};

export const CONTRIBUTION_METHODS = ['货币', '实物', '知识产权', '土地使用权', '股权', '债权'] as const;

export const SCOPE_ELEMENTS: readonly ElementDef[] = [
  element('scope[].code', '经营范围条目', 'code', 'scope', [applicant], {
    constraints: { checks: ['scopeCode'] },
  }),
  element('scope[].main', '主营', 'bool', 'scope', [derived('scope[].main'), applicant]),
  element('company.scopeText', '经营范围', 'text', 'scope', [derived('company.scopeText')], {
    constraints: { maxLength: 3000 },
  }),
  element('company.industryCode', '行业', 'code', 'scope', [derived('company.industryCode')]),
  element(
    'company.injuryRiskClass',
    '工伤保险行业风险类别',
    'enum',
    'scope',
    [derived('company.injuryRiskClass')],
    {
      constraints: { options: ['1', '2', '3', '4', '5', '6', '7', '8'] },
    },
  ),
];

export const CAPITAL_ELEMENTS: readonly ElementDef[] = [
  element('shareholders[].ratio', '出资比例（%）', 'decimal', 'capital', [applicant], {
    constraints: { min: 0.01, max: 100 },
    when: NOT_SOLE_PROPRIETORSHIP,
  }),
  element(
    'shareholders[].subscribedCapital',
    '认缴出资额（万元）',
    'decimal',
    'capital',
    [derived('shareholders[].subscribedCapital'), applicant],
    { constraints: { min: 0.01 }, when: NOT_SOLE_PROPRIETORSHIP },
  ),
  element('shareholders[].method', '出资方式', 'enum', 'capital', [byDefault('货币')], {
    constraints: { options: CONTRIBUTION_METHODS },
    when: NOT_SOLE_PROPRIETORSHIP,
  }),
  element(
    'shareholders[].deadline',
    '认缴出资期限',
    'date',
    'capital',
    [derived('shareholders[].deadline'), applicant],
    {
      when: NOT_SOLE_PROPRIETORSHIP,
    },
  ),
  element('company.hasBoard', '是否设董事会', 'bool', 'governance', [byDefault('0')], {
    when: NOT_SOLE_PROPRIETORSHIP,
  }),
  element('company.hasSupervisoryBoard', '是否设监事会', 'bool', 'governance', [byDefault('0')], {
    when: NOT_SOLE_PROPRIETORSHIP,
  }),
  element(
    'beneficialOwners[].ratio',
    '持股比例（%）',
    'decimal',
    'bank',
    [derived('beneficialOwners[].ratio'), applicant],
    {
      constraints: { min: 25, max: 100 },
    },
  ),
];
