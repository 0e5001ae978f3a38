/**
 * The public-security bureau's own option lists for 公章刻制备案 (docs/item-fields.md, seal-engraving). The raw
 * form posts the bureau's codes; `fields` reports the contract's wire values.
 */
import { type Option, wordOptions } from '../kit/html/widgets.ts';

/** 单位类型: the bureau's codes; the contract's wire value is the label. */
export const UNIT_TYPES: readonly Option[] = [
  { value: '110', label: '有限责任公司' },
  { value: '120', label: '股份有限公司' },
  { value: '130', label: '个人独资企业' },
  { value: '140', label: '合伙企业' },
  { value: '150', label: '个体工商户' },
  { value: '190', label: '其他' },
];

/** 印章类型: code = the contract's wire value. */
export const SEAL_TYPES: readonly Option[] = [
  { value: '01', label: '单位公章' },
  { value: '02', label: '财务专用章' },
  { value: '03', label: '发票专用章' },
  { value: '04', label: '合同专用章' },
  { value: '05', label: '法定代表人名章' },
];

/** 材质: the bureau's codes (C1…); the contract's wire value is the label. */
export const MATERIALS: readonly Option[] = [
  { value: 'C1', label: '铜' },
  { value: 'C2', label: '光敏' },
  { value: 'C3', label: '原子' },
  { value: 'C4', label: '橡胶' },
  { value: 'C5', label: '树脂' },
];

/** 规格: the label is the value on both sides. */
export const SIZES: readonly Option[] = wordOptions(['Φ40mm', 'Φ38mm', '40×30mm', '18×18mm', '20×20mm']);

/**
 * Which 规格 each 印章类型 may take (《印章治安管理办法》 practice): round seals for the unit, finance and
 * contract seals, the oval 40×30mm for the 发票专用章, a small square for the legal representative's name seal.
 */
export const SIZES_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  '01': ['Φ40mm', 'Φ38mm'],
  '02': ['Φ40mm', 'Φ38mm'],
  '03': ['40×30mm'],
  '04': ['Φ40mm', 'Φ38mm'],
  '05': ['18×18mm', '20×20mm'],
};

export const PICKUP_METHODS: readonly Option[] = [
  { value: '1', label: '到刻章企业自取' },
  { value: '2', label: '邮寄' },
];
