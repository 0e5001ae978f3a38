import { childrenOf, provinces, type Region } from '../codes/index.ts';

const FORBIDDEN = ['中国', '中华', '全国', '国家', '国际'];
const FORBIDDEN_MESSAGE = '的字号不得使用“中国”“中华”“全国”“国家”“国际”等字词';

function allRegions(): Region[] {
  const out: Region[] = [];
  const visit = (regions: readonly Region[]) => {
    for (const r of regions) {
      out.push(r);
      visit(childrenOf(r.code));
    }
  };
  visit(provinces());
  return out;
}

// Full and short names ('漳州市', '漳州'; '龙文区', '龙文'), longest first so '漳州市' wins over '漳州'.
const REGION_NAMES = [
  ...new Set(
    allRegions().flatMap((r) => [
      r.name,
      r.name.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市|区|县)$/, ''),
    ]),
  ),
]
  .filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length);

function stripLeadingRegions(name: string): string {
  let rest = name;
  for (let found = true; found; ) {
    found = false;
    for (const region of REGION_NAMES) {
      if (rest.startsWith(region)) {
        rest = rest.slice(region.length);
        found = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * 企业名称 structure (企业名称登记管理规定, 国务院令第734号): 行政区划 + 字号 + 行业或经营特点 + 组织形式, in
 * standard Chinese characters; the 行政区划 may also stand in brackets after the 字号 ('云启（漳州）软件…').
 * Returns what is wrong (to follow the label '企业名称'), or undefined.
 */
export function companyNameProblem(name: string, companyType?: string): string | undefined {
  const value = name.trim();
  if (!/^[\u4e00-\u9fa5（）]+$/.test(value)) return '应使用规范汉字（括号使用全角“（）”）';
  const forbidden = (text: string) => FORBIDDEN.some((word) => text.startsWith(word));
  if (forbidden(value)) return FORBIDDEN_MESSAGE;
  const form = /(股份有限公司|有限责任公司|有限公司|个人独资企业|合伙企业)$/.exec(value)?.[1];
  if (companyType === '1200' && form !== '股份有限公司') return '应以“股份有限公司”结尾';
  if (
    ['1130', '1151', '1110'].includes(companyType ?? '') &&
    form !== '有限公司' &&
    form !== '有限责任公司'
  ) {
    return '应以“有限公司”或“有限责任公司”结尾';
  }
  if (companyType === '4540' && value.includes('公司')) return '个人独资企业的名称不得含有“公司”字样';
  const withoutForm = form ? value.slice(0, -form.length) : value;
  const bracketed = /（([^（）]+)）/.exec(withoutForm);
  const stripped = stripLeadingRegions(withoutForm);
  let middle: string;
  if (stripped !== withoutForm) middle = stripped;
  else if (bracketed && REGION_NAMES.includes(bracketed[1] ?? ''))
    middle = withoutForm.replace(bracketed[0], '');
  else return '应冠以行政区划名称（如“漳州”），或将其置于字号之后的括号中';
  // As a 字号 they are reserved; as part of the industry ('云启国际贸易') they may stand.
  if (forbidden(middle)) return FORBIDDEN_MESSAGE;
  if ([...middle].length < 4) return '应依次由行政区划、字号（至少两个汉字）、行业或经营特点、组织形式组成';
  return undefined;
}
