import type { Request } from 'express';
import { all, type Body, str } from '../kit/body.ts';
import { FormChecks } from '../kit/checks.ts';
import type { Checked } from '../kit/json-apply.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import { ILLUMINATED, PLEDGES, SIGN_MATERIALS } from './lists.ts';

/** The bureau's size rules: at most 30 ㎡, at most 3 m high. */
const MAX_AREA = 30;
const MAX_WIDTH = 3;

/** Server-side checks of 户外招牌设置 and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, body: Body): Checked {
  const check = new FormChecks(ctx, req, body);
  const { errors, files, need } = check;

  const unitName = need('dwmc', '请输入单位名称');
  const creditCode = check.creditCode('tyshxydm', '统一社会信用代码校验不通过，请核对');
  const contact = need('lxr', '请输入联系人');
  const mobile = check.mobile('lxdh', '请输入联系人手机', '联系人手机');
  const location = check.address(
    { region: 'szdd', regionError: 'szdd', street: 'xxdz' },
    {
      noRegion: '请选择设置地点所在省、市、区县',
      wrongRegion: '设置地点所在区划选择有误',
      noStreet: '请输入详细地址',
      noDoor: '详细地址须填写到门牌号或室号',
    },
  );
  const text = need('zpwz', '请输入招牌文字');
  if (text.length > 50) errors.zpwz = '招牌文字不超过50字';

  const length = check.amount('zpc', '请输入招牌长度', '长度');
  const width = check.amount('zpk', '请输入招牌宽度', '宽度');
  if (!errors.zpk && width && Number(width) > MAX_WIDTH) errors.zpk = `招牌宽度不超过${MAX_WIDTH}米`;
  if (!errors.zpc && !errors.zpk && length && width && Number(length) * Number(width) > MAX_AREA) {
    errors.zpc = `招牌面积不超过${MAX_AREA}平方米`;
  }
  const material = need('cz', '请选择材质');
  if (material && !(SIGN_MATERIALS as readonly string[]).includes(material)) errors.cz = '材质选择有误';
  const illuminated = need('sffg', '请选择是否发光');
  if (illuminated && !(illuminated in ILLUMINATED)) errors.sffg = '是否发光选择有误';

  check.keepUpload('rendering', 'xgt', '效果图');

  const today = chinaDate(ctx.now());
  const month = need('nszsj', '请选择拟设置时间');
  if (month && (!/^\d{4}-\d{2}$/.test(month) || month < today.slice(0, 7))) {
    errors.nszsj = '拟设置时间不得早于本月';
  }
  check.today('sqrq', '申请日期');
  const pledges = new Set(all(body, 'cnsx'));
  if (PLEDGES.some((pledge) => !pledges.has(pledge))) errors.cnsx = '请勾选全部承诺事项';
  if (str(body, 'cn') !== '1') errors.cn = '请阅读并签署《户外招牌设置承诺书》';

  const fields: Record<string, unknown> = {
    unitName,
    creditCode,
    location,
    text,
    'size.length': length,
    'size.width': width,
    material,
    illuminated,
    rendering: files.rendering,
    'contact.name': contact,
    'contact.mobile': mobile,
  };
  return check.result(fields);
}
