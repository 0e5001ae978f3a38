import type { Signature } from './template.ts';

/**
 * The 2019 business licence (营业执照), A4 landscape 297 × 210 mm: 统一社会信用代码 top left, QR code top right,
 * emblem and title 营业执照 in the centre, a left column (名称 / 类型 / 法定代表人 / 经营范围) and a right column
 * (注册资本 / 成立日期 / 营业期限 / 住所), 登记机关 with the red seal and the date bottom right. 个体工商户
 * (经营者, 组成形式, 注册日期, 经营场所) and 个人独资企业 (投资人) licences use the same grid with other labels.
 */
export const LICENCE_SIZE = { widthMm: 297, heightMm: 210 } as const;

/** The red title 营业执照, read in the green channel where red ink is dark. */
export const LICENCE_SIGNATURE: Signature = {
  box: { x: 104, y: 40, w: 82, h: 20 },
  text: '营业执照',
  channel: 'green',
};

/** Where the label columns and value columns run (mm); rows are found from the printed labels. */
export const LICENCE_COLUMNS = {
  left: { labels: { x: 27.5, y: 68, w: 25, h: 120 }, valueX: 57, valueRight: 147, bottom: 188 },
  right: { labels: { x: 157.5, y: 68, w: 25, h: 70 }, valueX: 185, valueRight: 278, bottom: 150 },
} as const;

/** 统一社会信用代码: printed under its label at the top left. */
export const CREDIT_CODE_BOX = { x: 19, y: 32.2, w: 60, h: 7.8 } as const;

/** The issue date under 登记机关, overprinted by the red seal (read in the red channel, where the seal fades). */
export const ISSUE_DATE_BOX = { x: 198, y: 182, w: 52, h: 8.5 } as const;

/** Field keys of each row, top to bottom, for each kind of licence, with the labels printed for them. */
export const LICENCE_LAYOUTS = {
  company: {
    left: [
      ['name', '名称'],
      ['type', '类型'],
      ['legalRepresentative', '法定代表人'],
      ['businessScope', '经营范围'],
    ],
    right: [
      ['registeredCapital', '注册资本'],
      ['establishedDate', '成立日期'],
      ['businessTerm', '营业期限'],
      ['domicile', '住所'],
    ],
  },
  individual: {
    left: [
      ['name', '名称'],
      ['type', '类型'],
      ['legalRepresentative', '经营者'],
      ['businessScope', '经营范围'],
    ],
    right: [
      ['compositionForm', '组成形式'],
      ['establishedDate', '注册日期'],
      ['domicile', '经营场所'],
    ],
  },
  sole: {
    left: [
      ['name', '名称'],
      ['type', '类型'],
      ['legalRepresentative', '投资人'],
      ['businessScope', '经营范围'],
    ],
    right: [
      ['establishedDate', '成立日期'],
      ['domicile', '住所'],
    ],
  },
} as const satisfies Record<
  string,
  { left: readonly (readonly [string, string])[]; right: readonly (readonly [string, string])[] }
>;

export type LicenceVariant = keyof typeof LICENCE_LAYOUTS;
