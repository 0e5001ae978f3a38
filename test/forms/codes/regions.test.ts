import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  findRegionInAddress,
  isDistrictCode,
  lookupRegion,
  provinces,
  regionFullName,
} from '../../../forms/codes/index.ts';

describe('GB/T 2260 regions', () => {
  it('holds every provincial-level division', () => {
    expect(provinces()).toHaveLength(34);
    expect(lookupRegion('350000')?.name).toBe('福建省');
    expect(lookupRegion('820000')?.name).toBe('澳门特别行政区');
  });

  it('cascades 福建省 → 9 cities → their districts with current codes', () => {
    const cities = childrenOf('350000');
    expect(cities.map((c) => c.name)).toEqual([
      '福州市',
      '厦门市',
      '莆田市',
      '三明市',
      '泉州市',
      '漳州市',
      '南平市',
      '龙岩市',
      '宁德市',
    ]);
    const zhangzhou = childrenOf('350600').map((d) => `${d.code} ${d.name}`);
    expect(zhangzhou).toContain('350603 龙文区');
    expect(zhangzhou).toContain('350605 龙海区');
    expect(zhangzhou).not.toContain('350681 龙海市');
    expect(childrenOf('350400').map((d) => d.code)).toEqual(expect.arrayContaining(['350404', '350405']));
    expect(lookupRegion('350402')).toBeUndefined(); // 梅列区, merged into 三元区 in 2021
    const districts = cities.flatMap((c) => childrenOf(c.code));
    expect(districts).toHaveLength(84);
    for (const d of districts) expect(d.code.slice(0, 4)).toBe(d.parentCode?.slice(0, 4));
  });

  it('names a district in full', () => {
    expect(regionFullName('350603')).toBe('福建省漳州市龙文区');
    expect(regionFullName('999999')).toBeUndefined();
    expect(isDistrictCode('350603')).toBe(true);
    expect(isDistrictCode('350600')).toBe(false);
    expect(lookupRegion('350603')?.postcode).toBe('363000');
  });

  it('finds the district an address names', () => {
    expect(findRegionInAddress('福建省漳州市龙文区朝阳北路1号3幢501室')).toMatchObject({
      region: { code: '350603' },
      rest: '朝阳北路1号3幢501室',
    });
    expect(findRegionInAddress('漳州龙文区 蓝田镇')?.region.code).toBe('350603');
    expect(findRegionInAddress('福建省福州市鼓楼区五四路')?.region.code).toBe('350102');
    expect(findRegionInAddress('厦门市思明区')?.region.code).toBe('350203');
    // A namesake elsewhere is not taken for the 福州 district.
    expect(findRegionInAddress('江苏省南京市鼓楼区中山路')?.region.code).toBe('320000');
    expect(findRegionInAddress('福建省宁德市某某路')?.region).toMatchObject({ code: '350900' });
    expect(findRegionInAddress('某某路8号')).toBeUndefined();
  });
});
