import type { LabelHit } from './label-hits.ts';

/**
 * The licence formats in use. Each prints its own set of fields: a field the format does not print is
 * reported as absent, not as unreadable.
 *   2019-landscape  the 2019 national layout, 正本 and 副本 (two columns, 统一社会信用代码 top left)
 *   2016-portrait   the 2016–2019 portrait 副本 (one column, 统一社会信用代码 at the top); also the 2014 model
 *   pre-2015        企业法人营业执照 / 个体工商户营业执照 with a 15-digit 注册号 and no credit code
 *   regional        商事主体 licences of the special economic zones (深圳, 珠海, 厦门): no 注册资本, 营业期限 or
 *                   经营范围
 */
export type LicenceFormat = '2019-landscape' | '2016-portrait' | 'pre-2015' | 'regional';

/** The kind of entity: 公司, 个体工商户, 个人独资企业, 合伙企业, 分公司. */
export type LicenceVariant = 'company' | 'individual' | 'sole' | 'partnership' | 'branch';

export function licenceVariantOf(hits: readonly LabelHit[], pageText: string): LicenceVariant {
  const labels = new Set(hits.map((h) => h.label));
  if (
    labels.has('组成形式') ||
    labels.has('经营者') ||
    labels.has('经营者姓名') ||
    /个体工商户/.test(pageText)
  )
    return 'individual';
  if (labels.has('执行事务合伙人') || labels.has('合伙期限') || /合伙企业/.test(pageText))
    return 'partnership';
  if (labels.has('投资人') || /个人独资/.test(pageText)) return 'sole';
  if (labels.has('负责人') || labels.has('营业场所') || /分公司/.test(pageText)) return 'branch';
  return 'company';
}

export function licenceFormatOf(
  hits: readonly LabelHit[],
  pageText: string,
  page: { width: number; height: number },
): LicenceFormat {
  const keys = new Set(hits.map((h) => h.key));
  const labels = new Set(hits.map((h) => h.label));
  if (labels.has('商事主体类型') || (/商事/.test(pageText) && !keys.has('businessScope'))) return 'regional';
  if (!keys.has('creditCode') && (keys.has('registrationNumber') || /注册号/.test(pageText)))
    return 'pre-2015';
  // The 2019 layout has a right-hand column of labels; the portrait 副本 prints every label in one column.
  // 登记机关 sits bottom right on every format; it says nothing about columns.
  const lefts = hits
    .filter((h) => h.key !== 'registrationAuthority' && h.key !== 'creditCode')
    .map((h) => h.left);
  const span = Math.max(...lefts) - Math.min(...lefts);
  const twoColumns = lefts.length >= 4 && span > page.width * 0.25;
  return twoColumns ? '2019-landscape' : '2016-portrait';
}

/** Fields a format never prints (for the variant). */
export function notPrinted(format: LicenceFormat, variant: LicenceVariant): Set<string> {
  const absent = new Set<string>(['compositionForm']);
  if (variant === 'individual') {
    absent.delete('compositionForm');
    absent.add('registeredCapital');
    absent.add('businessTerm');
  }
  if (variant === 'branch' || variant === 'sole') absent.add('registeredCapital');
  if (format === 'pre-2015') absent.add('creditCode');
  else if (format !== 'regional') absent.add('registrationNumber');
  return absent;
}

/** Fields a format may or may not print: absent when their label is nowhere on the page. */
export function mayBeMissing(format: LicenceFormat): Set<string> {
  const optional = new Set(['registrationAuthority', 'compositionForm', 'businessTerm', 'registeredCapital']);
  if (format === 'regional') {
    for (const key of ['businessScope', 'type', 'creditCode', 'registrationNumber', 'issueDate'])
      optional.add(key);
  }
  if (format === '2016-portrait') optional.add('registrationNumber');
  return optional;
}
