import type { Request } from 'express';
import { isValidCreditCode, regionFullName, regionPath } from '../../forms/codes/index.ts';
import { all, type Body, type Errors, MOBILE, str } from '../kit/body.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import type { UploadedFileMeta } from '../kit/submissions.ts';
import { ILLUMINATED, PLEDGES, SIGN_MATERIALS } from './lists.ts';

const DECIMAL = /^\d+(\.\d{1,2})?$/;
/** The bureau's size rules: at most 30 ㎡, at most 3 m high. */
const MAX_AREA = 30;
const MAX_WIDTH = 3;

export interface Checked {
  errors: Errors;
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
}

/** Server-side checks of 户外招牌设置 and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, body: Body): Checked {
  const errors: Errors = {};
  const files: Record<string, UploadedFileMeta> = {};
  const need = (name: string, message: string) => {
    const value = str(body, name);
    if (!value) errors[name] = message;
    return value;
  };

  const unitName = need('dwmc', '请输入单位名称');
  const creditCode = need('tyshxydm', '请输入统一社会信用代码').toUpperCase();
  if (creditCode && !isValidCreditCode(creditCode)) errors.tyshxydm = '统一社会信用代码校验不通过，请核对';
  const contact = need('lxr', '请输入联系人');
  const mobile = need('lxdh', '请输入联系人手机');
  if (mobile && !MOBILE.test(mobile)) errors.lxdh = '联系人手机应为11位手机号码';

  const district = str(body, 'szdd_qu');
  const path = district ? regionPath(district).map((r) => r.code) : [];
  if (!district) errors.szdd = '请选择设置地点所在省、市、区县';
  else if (path.length !== 3 || path[0] !== str(body, 'szdd_sheng') || path[1] !== str(body, 'szdd_shi')) {
    errors.szdd = '设置地点所在区划选择有误';
  }
  const detail = need('xxdz', '请输入详细地址');
  if (detail && !/[室号]$/.test(detail)) errors.xxdz = '详细地址须填写到门牌号或室号';
  const text = need('zpwz', '请输入招牌文字');
  if (text.length > 50) errors.zpwz = '招牌文字不超过50字';

  const length = need('zpc', '请输入招牌长度');
  const width = need('zpk', '请输入招牌宽度');
  if (length && (!DECIMAL.test(length) || Number(length) <= 0))
    errors.zpc = '长度应为大于0的数字（最多两位小数）';
  if (width && (!DECIMAL.test(width) || Number(width) <= 0))
    errors.zpk = '宽度应为大于0的数字（最多两位小数）';
  else if (width && Number(width) > MAX_WIDTH) errors.zpk = `招牌宽度不超过${MAX_WIDTH}米`;
  if (!errors.zpc && !errors.zpk && length && width && Number(length) * Number(width) > MAX_AREA) {
    errors.zpc = `招牌面积不超过${MAX_AREA}平方米`;
  }
  const material = need('cz', '请选择材质');
  if (material && !(SIGN_MATERIALS as readonly string[]).includes(material)) errors.cz = '材质选择有误';
  const illuminated = need('sffg', '请选择是否发光');
  if (illuminated && !(illuminated in ILLUMINATED)) errors.sffg = '是否发光选择有误';

  const upload = need('xgt', '请上传效果图');
  if (upload) {
    const meta = ctx.takeUpload(req, upload);
    if (meta) files.rendering = meta;
    else errors.xgt = '效果图已失效，请重新上传';
  }

  const today = chinaDate(ctx.now());
  const month = need('nszsj', '请选择拟设置时间');
  if (month && (!/^\d{4}-\d{2}$/.test(month) || month < today.slice(0, 7))) {
    errors.nszsj = '拟设置时间不得早于本月';
  }
  const date = need('sqrq', '请选择申请日期');
  if (date && date !== today) errors.sqrq = '申请日期应为当天';
  const pledges = new Set(all(body, 'cnsx'));
  if (PLEDGES.some((pledge) => !pledges.has(pledge))) errors.cnsx = '请勾选全部承诺事项';
  if (str(body, 'cn') !== '1') errors.cn = '请阅读并签署《户外招牌设置承诺书》';

  const fields: Record<string, unknown> = {
    unitName,
    creditCode,
    location: `${regionFullName(district) ?? ''}${detail}`,
    text,
    'size.length': length,
    'size.width': width,
    material,
    illuminated,
    rendering: files.rendering,
    'contact.name': contact,
    'contact.mobile': mobile,
  };
  return { errors, fields, files };
}
