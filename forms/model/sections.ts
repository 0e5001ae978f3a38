import type { SectionId } from './types.ts';

/** Sections of the merged form in the order a person fills them in. */
export const SECTIONS: ReadonlyArray<{ readonly id: SectionId; readonly title: string }> = [
  { id: 'company', title: '企业基本信息' },
  { id: 'address', title: '住所与联系方式' },
  { id: 'scope', title: '经营范围' },
  { id: 'persons', title: '人员信息' },
  { id: 'capital', title: '股东出资' },
  { id: 'governance', title: '组织机构' },
  { id: 'food', title: '食品经营' },
  { id: 'signboard', title: '户外招牌' },
  { id: 'fire', title: '消防安全' },
  { id: 'seals', title: '印章刻制' },
  { id: 'bank', title: '银行开户' },
  { id: 'tax', title: '税务信息' },
  { id: 'insurance', title: '社会保险与医疗保险' },
  { id: 'fund', title: '住房公积金' },
  { id: 'delivery', title: '执照与印章领取' },
  { id: 'declarations', title: '材料与承诺' },
];

export function sectionOrder(id: SectionId): number {
  return SECTIONS.findIndex((s) => s.id === id);
}
