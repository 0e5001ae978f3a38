import type { Request } from 'express';
import { validateIdNumber } from '../../forms/codes/index.ts';
import { type Body, str } from '../kit/body.ts';
import { FormChecks } from '../kit/checks.ts';
import type { Checked } from '../kit/json-apply.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';

export const PLACE_TYPES = [
  '餐饮场所',
  '商场市场',
  '宾馆饭店',
  '公共娱乐场所',
  '体育场馆',
  '其他公众聚集场所',
];
export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '护照'];

/** `yyyy-MM` from the month of `today` (yyyy-MM-dd) to twelve months after it. */
export function openingMonthAllowed(month: string, today: string): boolean {
  const found = /^(\d{4})-(\d{2})$/.exec(month);
  if (!found) return false;
  const index = (y: number, m: number) => y * 12 + m - 1;
  const ahead =
    index(Number(found[1]), Number(found[2])) - index(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  return Number(found[2]) >= 1 && Number(found[2]) <= 12 && ahead >= 0 && ahead <= 12;
}

/** Server-side checks of 营业前消防安全检查 (告知承诺) and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, body: Body): Checked {
  const check = new FormChecks(ctx, req, body);
  const { errors, files, need } = check;

  const unitName = need('dwmc', '请输入单位名称');
  const creditCode = check.creditCode('tyshxydm', '统一社会信用代码校验不通过');
  const venueName = need('csmc', '请输入场所名称');
  const placeType = need('cslx', '请选择场所类型');
  if (placeType && !PLACE_TYPES.includes(placeType)) errors.cslx = '场所类型选择有误';
  const venueAddress = check.address(
    { region: 'csdz', street: 'csdz_xxdz' },
    {
      noRegion: '请选择场所所在省、市、区县',
      wrongRegion: '场所所在区域选择有误',
      noStreet: '请输入场所详细地址',
      noDoor: '场所地址须填写到门牌号或室号',
    },
  );
  const area = check.amount('jzmj', '请输入建筑面积', '建筑面积');
  const floors = need('sylc', '请输入使用楼层');
  check.today('sbrq', '申报日期');
  // 告知承诺 is filed before the venue opens: this month or within the next twelve.
  const opening = need('tysy', '请选择拟投入使用年月');
  if (opening && !openingMonthAllowed(opening, chinaDate(ctx.now())))
    errors.tysy = '拟投入使用年月应为本月起12个月内';

  const responsible = need('zrr_xm', '请输入消防安全责任人');
  const idType = need('zrr_zjlx', '请选择证件类型');
  if (idType && !ID_TYPES.includes(idType)) errors.zrr_zjlx = '证件类型选择有误';
  const idNumber = need('zrr_zjhm', '请输入证件号码').toUpperCase();
  if (idNumber && idType === '居民身份证' && !validateIdNumber(idNumber).valid)
    errors.zrr_zjhm = '身份证号码校验不通过';
  const responsiblePhone = check.mobile('zrr_dh', '请输入联系电话', '联系电话');
  const manager = need('glr_xm', '请输入消防安全管理人');
  const managerPhone = check.mobile('glr_dh', '请输入联系电话', '联系电话');

  check.keepUpload('floorPlan', 'pmt', '消防设施平面图');
  if (str(body, 'cn') !== '1') errors.cn = '请阅读并签署告知承诺书';

  const fields: Record<string, unknown> = {
    unitName,
    creditCode,
    venueName,
    venueAddress,
    buildingArea: area,
    floors,
    'responsible.name': responsible,
    'responsible.idNumber': idNumber,
    'responsible.phone': responsiblePhone,
    'manager.name': manager,
    'manager.phone': managerPhone,
    commitmentAccepted: str(body, 'cn') === '1' ? '1' : '',
    floorPlan: files.floorPlan,
  };
  return check.result(fields);
}
