const DIGITS = '零一二三四五六七八九';

/**
 * A distinct company for every application of a benchmark. 企业名称 must be standard Chinese characters
 * (forms/validate/company-name.ts), so the number is written with 一二三….
 */
export function benchCompanyName(n: number): string {
  return `漳州市龙文区云帆${inWords(n)}软件科技有限公司`;
}

/** The same for 开餐饮店: a restaurant company that already holds its licence. */
export function benchRestaurantName(n: number): string {
  return `漳州市龙文区味来${inWords(n)}餐饮管理有限公司`;
}

const inWords = (n: number) => [...String(n)].map((digit) => DIGITS[Number(digit)]).join('');
