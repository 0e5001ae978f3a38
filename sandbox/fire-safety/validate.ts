import type { Request } from 'express';
import { isValidCreditCode, regionFullName, regionPath, validateIdNumber } from '../../forms/codes/index.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import type { UploadedFileMeta } from '../kit/submissions.ts';

/** The form body by the brigade's names (dwmc, csdz_qu, zrr_zjhm …), as the JSON post carried it. */
export type Body = Record<string, string>;
export type Errors = Record<string, string>;

export const PLACE_TYPES = [
  '餐饮场所',
  '商场市场',
  '宾馆饭店',
  '公共娱乐场所',
  '体育场馆',
  '其他公众聚集场所',
];
export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '护照'];

const MOBILE = /^1[3-9]\d{9}$/;
const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** `yyyy-MM` from the month of `today` (yyyy-MM-dd) to twelve months after it. */
export function openingMonthAllowed(month: string, today: string): boolean {
  const found = /^(\d{4})-(\d{2})$/.exec(month);
  if (!found) return false;
  const index = (y: number, m: number) => y * 12 + m - 1;
  const ahead =
    index(Number(found[1]), Number(found[2])) - index(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  return Number(found[2]) >= 1 && Number(found[2]) <= 12 && ahead >= 0 && ahead <= 12;
}

export interface Checked {
  errors: Errors;
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
}

/** Server-side checks of 营业前消防安全检查 (告知承诺) and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, raw: unknown): Checked {
  const body: Body = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') body[key] = value.trim();
  }
  const errors: Errors = {};
  const files: Record<string, UploadedFileMeta> = {};
  const need = (name: string, message: string) => {
    const value = body[name] ?? '';
    if (!value) errors[name] = message;
    return value;
  };

  const unitName = need('dwmc', '请输入单位名称');
  const creditCode = need('tyshxydm', '请输入统一社会信用代码').toUpperCase();
  if (creditCode && !isValidCreditCode(creditCode)) errors.tyshxydm = '统一社会信用代码校验不通过';
  const venueName = need('csmc', '请输入场所名称');
  const placeType = need('cslx', '请选择场所类型');
  if (placeType && !PLACE_TYPES.includes(placeType)) errors.cslx = '场所类型选择有误';
  const district = body.csdz_qu ?? '';
  const path = district ? regionPath(district).map((r) => r.code) : [];
  if (!district) errors.csdz_qu = '请选择场所所在省、市、区县';
  else if (path.length !== 3 || path[0] !== body.csdz_sheng || path[1] !== body.csdz_shi)
    errors.csdz_qu = '场所所在区域选择有误';
  const detail = need('csdz_xxdz', '请输入场所详细地址');
  if (detail && !/[室号]$/.test(detail)) errors.csdz_xxdz = '场所地址须填写到门牌号或室号';
  const area = need('jzmj', '请输入建筑面积');
  if (area && (!DECIMAL.test(area) || Number(area) <= 0))
    errors.jzmj = '建筑面积应为大于0的数字（最多两位小数）';
  const floors = need('sylc', '请输入使用楼层');
  const date = need('sbrq', '请选择申报日期');
  if (date && date !== chinaDate(ctx.now())) errors.sbrq = '申报日期应为当天';
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
  const responsiblePhone = need('zrr_dh', '请输入联系电话');
  if (responsiblePhone && !MOBILE.test(responsiblePhone)) errors.zrr_dh = '联系电话应为11位手机号码';
  const manager = need('glr_xm', '请输入消防安全管理人');
  const managerPhone = need('glr_dh', '请输入联系电话');
  if (managerPhone && !MOBILE.test(managerPhone)) errors.glr_dh = '联系电话应为11位手机号码';

  const planId = body.pmt ?? '';
  if (!planId) errors.pmt = '请上传消防设施平面图';
  else {
    const meta = ctx.takeUpload(req, planId);
    if (meta) files.floorPlan = meta;
    else errors.pmt = '消防设施平面图已失效，请重新上传';
  }
  if (body.cn !== '1') errors.cn = '请阅读并签署告知承诺书';

  const fields: Record<string, unknown> = {
    unitName,
    creditCode,
    venueName,
    venueAddress: `${regionFullName(district) ?? ''}${detail}`,
    buildingArea: area,
    floors,
    'responsible.name': responsible,
    'responsible.idNumber': idNumber,
    'responsible.phone': responsiblePhone,
    'manager.name': manager,
    'manager.phone': managerPhone,
    commitmentAccepted: body.cn === '1' ? '1' : '',
    floorPlan: files.floorPlan,
  };
  return { errors, fields, files };
}
