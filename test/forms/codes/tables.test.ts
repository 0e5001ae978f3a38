import { describe, expect, it } from 'vitest';
import {
  AFFILIATIONS,
  BUSINESS_SCOPE_ITEMS,
  CURRENCIES,
  ECONOMIC_TYPES,
  ETHNICITIES,
  ethnicityCodeOf,
  GENDERS,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryDivision,
  injuryRiskClassOf,
  NATIONALITIES,
  POLITICAL_STATUSES,
} from '../../../forms/codes/index.ts';

describe('national code tables', () => {
  it('GB/T 3304: 56 groups in the official order', () => {
    expect(ETHNICITIES.entries).toHaveLength(56);
    expect(ETHNICITIES.byCode('01')?.name).toBe('汉族');
    expect(ETHNICITIES.byCode('22')?.name).toBe('畲族');
    expect(ETHNICITIES.byCode('56')?.name).toBe('基诺族');
    expect(ethnicityCodeOf('汉')).toBe('01');
    expect(ethnicityCodeOf('维吾尔族')).toBe('05');
    expect(ethnicityCodeOf('火星')).toBeUndefined();
  });

  it('GB/T 4754-2017: 20 门类 and 97 大类, each 大类 with one 工伤风险类别', () => {
    expect(INDUSTRY_SECTIONS.codes.join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.codes).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    for (const d of INDUSTRY_DIVISIONS.entries) {
      expect(INDUSTRY_SECTIONS.has(d.section)).toBe(true);
      expect(d.injuryRiskClass).toBeGreaterThanOrEqual(1);
      expect(d.injuryRiskClass).toBeLessThanOrEqual(8);
    }
    expect(industryDivision('I65')?.name).toBe('软件和信息技术服务业');
    expect(industryDivision('65')?.industryCode).toBe('I65');
    expect(industryDivision('H65')).toBeUndefined();
    expect(injuryRiskClassOf('I65')).toBe(1);
    expect(injuryRiskClassOf('H62')).toBe(2);
    expect(injuryRiskClassOf('B06')).toBe(8);
  });

  it('经营范围规范表述: at least 60 items mapped to real 大类, with the reference case and restaurant items', () => {
    const items = BUSINESS_SCOPE_ITEMS.entries;
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const item of items) {
      expect(industryDivision(item.industryCode)?.code).toBe(item.division);
      expect(item.code.startsWith(item.industryCode)).toBe(true);
      expect(item.kind === '许可').toBe(item.permit !== undefined);
    }
    expect(BUSINESS_SCOPE_ITEMS.byName('软件开发')).toMatchObject({ code: 'I65001', kind: '一般' });
    expect(BUSINESS_SCOPE_ITEMS.byName('信息技术咨询服务')?.code).toBe('I65002');
    expect(BUSINESS_SCOPE_ITEMS.byName('数据处理服务')?.code).toBe('I65003');
    expect(BUSINESS_SCOPE_ITEMS.byName('餐饮服务')).toMatchObject({
      industryCode: 'H62',
      permit: '食品经营许可',
    });
    expect(BUSINESS_SCOPE_ITEMS.byName('食品销售')?.kind).toBe('许可');
    const sections = new Set(items.map((i) => i.industryCode[0]));
    for (const s of ['C', 'E', 'F', 'G', 'H', 'I', 'L', 'P', 'Q']) expect(sections.has(s)).toBe(true);
  });

  it('small tables hold the codes the forms use', () => {
    expect(GENDERS.byCode('1')?.name).toBe('男');
    expect(GENDERS.byCode('2')?.name).toBe('女');
    expect(NATIONALITIES.byCode('156')?.name).toBe('中国');
    expect(POLITICAL_STATUSES.byCode('13')?.name).toBe('群众');
    expect(POLITICAL_STATUSES.byCode('01')?.shortName).toBe('中共党员');
    expect(ECONOMIC_TYPES.byCode('173')?.name).toBe('私有有限责任(公司)');
    expect(AFFILIATIONS.codes).toEqual(
      expect.arrayContaining(['10', '20', '40', '50', '61', '62', '63', '90']),
    );
    expect(CURRENCIES.codes).toEqual(['156', '840', '344', '978']);
  });
});
