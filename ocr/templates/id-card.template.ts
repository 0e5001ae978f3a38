import type { FieldLayout, Signature } from './template.ts';

/**
 * The second-generation resident ID card (GA 450): 85.6 × 54 mm. Portrait side: 姓名, 性别 and 民族 on one
 * line, 出生, 住址 (up to three lines), 公民身份号码 along the bottom; the photo fills the right third. Boxes are
 * the printed value areas with about a millimetre of margin (printing moves text by up to ±0.5 mm).
 */
export const ID_CARD_SIZE = { widthMm: 85.6, heightMm: 54 } as const;

export const ID_CARD_FIELDS: readonly FieldLayout[] = [
  { key: 'name', label: '姓名', box: { x: 16, y: 6.3, w: 39, h: 5.6 }, maxLines: 1, mode: 'line' },
  { key: 'gender', label: '性别', box: { x: 5.5, y: 12.8, w: 19, h: 5.6 }, maxLines: 1, mode: 'line' },
  { key: 'ethnicity', label: '民族', box: { x: 27, y: 12.8, w: 28, h: 5.6 }, maxLines: 1, mode: 'line' },
  { key: 'birthDate', label: '出生', box: { x: 16, y: 19.3, w: 34, h: 5.6 }, maxLines: 1, mode: 'line' },
  { key: 'address', label: '住址', box: { x: 16, y: 25.8, w: 39.5, h: 16.6 }, maxLines: 3, mode: 'line' },
  {
    key: 'idNumber',
    label: '公民身份号码',
    box: { x: 29.2, y: 44.3, w: 51, h: 5.8 },
    maxLines: 1,
    mode: 'line',
  },
];

/** The 公民身份号码 label: present on the portrait side only, at the bottom left. */
export const ID_CARD_FRONT_SIGNATURE: Signature = {
  box: { x: 5, y: 44.6, w: 23, h: 5.6 },
  text: '公民身份号码',
  channel: 'red',
};

/** 居民身份证 in large type across the middle of the emblem side. */
export const ID_CARD_BACK_SIGNATURE: Signature = {
  box: { x: 26, y: 16.5, w: 56, h: 12 },
  text: '居民身份证',
  channel: 'red',
};
