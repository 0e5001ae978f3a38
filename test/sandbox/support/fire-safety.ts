import { chinaToday } from './xhr-client.ts';

/**
 * A 营业前消防安全检查 application as its page posts it (JSON): `unit`'s restaurant at 建元路2号101室 on the
 * first floor, 林志远 responsible and managing, dated today and in use this month, with the floor plan
 * `floorPlan` (an upload's id). `fields` replaces or adds fields.
 */
export function fireSafetyApplication(
  unit: string,
  floorPlan: string,
  fields: Record<string, string> = {},
): Record<string, string> {
  return {
    dwmc: unit,
    tyshxydm: '91350603MA0044EF1P',
    csmc: unit,
    cslx: '餐饮场所',
    csdz_sheng: '350000',
    csdz_shi: '350600',
    csdz_qu: '350603',
    csdz_xxdz: '建元路2号101室',
    jzmj: '80.5',
    sylc: '第1层',
    sbrq: chinaToday(),
    tysy: chinaToday().slice(0, 7),
    zrr_xm: '林志远',
    zrr_zjlx: '居民身份证',
    zrr_zjhm: '350603198506120316',
    zrr_dh: '13805961234',
    glr_xm: '林志远',
    glr_dh: '13805961234',
    pmt: floorPlan,
    cn: '1',
    ...fields,
  };
}
