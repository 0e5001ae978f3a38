/**
 * 备案刻章企业: the engraving companies filed with the public-security bureau, by district. This list belongs to
 * the department (it changes as companies are filed or struck off), so it stays in this portal; the form shows
 * only the companies of the applicant's district. 漳州市 is written out; the other districts of 福建省 get the
 * companies the sandbox makes up for them, so every district of the province has at least one.
 */
import { childrenOf, lookupRegion } from '../../forms/codes/index.ts';

export interface Engraver {
  /** 刻章企业备案编号 (what the form posts). */
  id: string;
  /** The company's name as listed (the contract's wire value). */
  name: string;
  regionCode: string;
  address: string;
}

const ZHANGZHOU: readonly [string, string, string][] = [
  ['350602', '漳州市芗城区诚信印章有限公司', '芗城区延安北路28号'],
  ['350602', '漳州市芗城区金鼎刻章服务部', '芗城区新华西路112号'],
  ['350602', '漳州市芗城区华艺印章制作有限公司', '芗城区胜利东路9号'],
  ['350603', '漳州市龙文区鑫源印章有限公司', '龙文区建元东路2号'],
  ['350603', '漳州市龙文区宏达刻章店', '龙文区湖滨路56号'],
  ['350603', '漳州市龙文区博雅印章科技有限公司', '龙文区朝阳北路88号'],
  ['350604', '漳州市长泰区永信印章有限公司', '长泰区武安镇人民路16号'],
  ['350605', '漳州市龙海区石码印章厂', '龙海区石码街道解放路3号'],
  ['350605', '漳州市龙海区天成刻章有限公司', '龙海区角美镇文圃路20号'],
  ['350623', '漳浦县金浦印章有限公司', '漳浦县绥安镇府前街7号'],
];

const BRANDS = ['诚信', '鑫盛', '永安', '华诚', '金印', '宏泰'];

function madeUp(regionCode: string, index: number): Engraver {
  const district = lookupRegion(regionCode);
  const city = district?.parentCode ? lookupRegion(district.parentCode) : undefined;
  const districtName = district?.name ?? '';
  // A district company carries its city's name (漳州市龙文区…); a county or county-level city does not.
  const prefix = districtName.endsWith('区') ? `${city?.name ?? ''}${districtName}` : districtName;
  const brand = BRANDS[(Number(regionCode) + index) % BRANDS.length] ?? '诚信';
  return {
    id: `KZ${regionCode}${String(index + 1).padStart(3, '0')}`,
    name: `${prefix}${brand}印章有限公司`,
    regionCode,
    address: `${districtName}人民路${(Number(regionCode.slice(4)) % 90) + 10}号`,
  };
}

function buildList(): Engraver[] {
  const list: Engraver[] = [];
  const written = new Map<string, number>();
  for (const [regionCode, name, address] of ZHANGZHOU) {
    const index = written.get(regionCode) ?? 0;
    written.set(regionCode, index + 1);
    list.push({ id: `KZ${regionCode}${String(index + 1).padStart(3, '0')}`, name, regionCode, address });
  }
  for (const city of childrenOf('350000')) {
    for (const district of childrenOf(city.code)) {
      if (!written.has(district.code)) list.push(madeUp(district.code, 0));
    }
  }
  return list;
}

export const ENGRAVERS: readonly Engraver[] = buildList();

/** The filed engraving companies of one district, in the order the bureau lists them. */
export function engraversIn(regionCode: string): Engraver[] {
  return ENGRAVERS.filter((engraver) => engraver.regionCode === regionCode);
}
