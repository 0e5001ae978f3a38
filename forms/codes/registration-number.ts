/**
 * 注册号: the 15-digit registration number of licences issued before the 统一社会信用代码 (GS15—2006). Its last
 * digit is an ISO 7064 MOD 11,10 check digit over the first fourteen.
 */
export function registrationNumberCheckDigit(first14: string): string | undefined {
  if (!/^\d{14}$/.test(first14)) return undefined;
  let product = 10;
  for (const char of first14) {
    let sum = (product + Number(char)) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}

export function isValidRegistrationNumber(input: string): boolean {
  return /^\d{15}$/.test(input) && registrationNumberCheckDigit(input.slice(0, 14)) === input[14];
}
