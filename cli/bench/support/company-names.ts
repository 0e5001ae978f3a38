const DIGITS = '零一二三四五六七八九';

/**
 * A distinct company for every application of a benchmark. 企业名称 must be standard Chinese characters
 * (forms/validate/company-name.ts), so the number is written with 一二三….
 */
export function benchCompanyName(n: number): string {
  const serial = [...String(n)].map((digit) => DIGITS[Number(digit)]).join('');
  return `漳州市龙文区云帆${serial}软件科技有限公司`;
}
