/**
 * forms/codes — the national code tables and check characters, shared with `sandbox/` and `ocr/` (the only part
 * of forms/ they may import). Pure data and arithmetic, no I/O. This API is kept small and stable; additions only.
 *
 * Code tables (each a `CodeTable`: `entries` in the standard's order, `byCode(code)`, `byName(name)`, `has(code)`):
 *   ETHNICITIES         GB/T 3304 民族, '01' 汉族 … '56' 基诺族; `ethnicityCodeOf('汉')` → '01'
 *   GENDERS             GB/T 2261.1 性别, '1' 男, '2' 女
 *   NATIONALITIES       GB/T 2659 国籍 (numeric), '156' 中国
 *   POLITICAL_STATUSES  GB/T 4762 政治面貌, '13' 群众 (entries also carry `shortName`, '中共党员')
 *   ECONOMIC_TYPES      GB/T 12402 经济类型, '173' 私有有限责任(公司)
 *   AFFILIATIONS        GB/T 12404 隶属关系, '90' 其他
 *   CURRENCIES          GB/T 12406 币种 (numeric; entries carry ISO `alpha`), '156' 人民币
 *   INDUSTRY_SECTIONS   GB/T 4754-2017 门类 'A' … 'T'
 *   INDUSTRY_DIVISIONS  GB/T 4754-2017 大类 '01' … '97' (`section`, `industryCode` 'I65', `injuryRiskClass` 1–8)
 *   BUSINESS_SCOPE_ITEMS 经营范围规范表述 (`code` 'I65001', `name` 软件开发, `division` '65', `industryCode` 'I65',
 *                       `kind` '许可' | '一般', `permit` for 许可项目)
 *   industryDivision('I65' | '65'), injuryRiskClassOf('I65') → 1
 *
 * Regions (GB/T 2260; every province, 福建省 in full to district level):
 *   lookupRegion('350603') → { code, name: '龙文区', level: 'district', parentCode: '350600', postcode }
 *   provinces(), childrenOf(code)      the 省 → 市 → 区/县 cascade
 *   regionPath(code), regionFullName('350603') → '福建省漳州市龙文区', isDistrictCode(code)
 *   findRegionInAddress('福建省漳州市龙文区朝阳北路1号') → { region: 龙文区, rest: '朝阳北路1号' }
 *
 * Check characters:
 *   GB 32100 统一社会信用代码: CREDIT_CODE_CHARSET, creditCodeCheckChar(first17), validateCreditCode(s)
 *     → { valid: true, value, region, orgCode } | { valid: false, value, problem: 'length'|'charset'|'checkChar'|'orgCheck' },
 *     isValidCreditCode(s), generateCreditCode({ region, registrar?: '9', category?: '1', serial }),
 *     orgCodeCheckChar(body8) (GB 11714, the 组织机构代码 at positions 9–17)
 *   GS15 注册号 (15 digits, ISO 7064 MOD 11,10): registrationNumberCheckDigit(first14), isValidRegistrationNumber(s)
 *   GB 11643 公民身份号码: idNumberCheckChar(first17), normaliseIdNumber(s) (x → X), validateIdNumber(s)
 *     → { valid: true, value, region, birthDate: 'yyyy-MM-dd', gender: '1'|'2' } | { valid: false, value, problem },
 *     isValidIdNumber(s), parseIdNumber(s), generateIdNumber({ region, birthDate, gender, serial })
 */
export { BUSINESS_SCOPE_ITEMS, type BusinessScopeItem, type ScopeKind } from './business-scope.ts';
export { SCOPE_INITIALS } from './business-scope-initials.ts';
export {
  CREDIT_CODE_CHARSET,
  type CreditCodeProblem,
  type CreditCodeResult,
  type CreditCodeSpec,
  creditCodeCheckChar,
  generateCreditCode,
  isValidCreditCode,
  orgCodeCheckChar,
  validateCreditCode,
} from './credit-code.ts';
export { ETHNICITIES, ethnicityCodeOf } from './ethnicities.ts';
export {
  generateIdNumber,
  type IdNumberInfo,
  type IdNumberProblem,
  type IdNumberResult,
  type IdNumberSpec,
  idNumberCheckChar,
  isValidIdNumber,
  normaliseIdNumber,
  parseIdNumber,
  validateIdNumber,
} from './id-number.ts';
export {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  type IndustryDivision,
  industryDivision,
  injuryRiskClassOf,
} from './industries.ts';
export {
  type AddressRegionMatch,
  childrenOf,
  findRegionInAddress,
  isDistrictCode,
  lookupRegion,
  provinces,
  type Region,
  type RegionLevel,
  regionFullName,
  regionPath,
} from './regions.ts';
export { isValidRegistrationNumber, registrationNumberCheckDigit } from './registration-number.ts';
export {
  AFFILIATIONS,
  CURRENCIES,
  type Currency,
  ECONOMIC_TYPES,
  GENDERS,
  NATIONALITIES,
  POLITICAL_STATUSES,
  type PoliticalStatus,
} from './standard-tables.ts';
export type { CodeEntry, CodeTable } from './table.ts';
