import type { TextLine } from '../engine/page-reader.ts';
import type { DocumentKind } from '../read/detect.ts';

/**
 * What the page is, from words only one document prints: a licence's title and labels, the ID card's
 * 公民身份号码 on the portrait side and 签发机关 / 有效期限 on the emblem side. Null when none is there.
 */
export function classifyPage(lines: readonly TextLine[]): DocumentKind | null {
  const text = lines.map((line) => line.text.replace(/\s+/g, '')).join('|');
  const score = (words: readonly string[]) => words.filter((word) => text.includes(word)).length;
  const licence = score([
    '营业执照',
    '统一社会信用代码',
    '注册号',
    '法定代表人',
    '经营范围',
    '注册资本',
    '成立日期',
    '登记机关',
    '住所',
    '经营场所',
  ]);
  const front = score(['公民身份号码', '姓名', '性别', '民族', '出生', '住址']);
  const back = score(['居民身份证', '签发机关', '有效期限', '中华人民共和国']);
  const best = Math.max(licence, front, back);
  if (best < 2) return null;
  if (licence === best) return 'businessLicence';
  return front >= back ? 'idCardFront' : 'idCardBack';
}
