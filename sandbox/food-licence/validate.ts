import type { Request } from 'express';
import { validateIdNumber } from '../../forms/codes/index.ts';
import { all, type Body, MOBILE, str } from '../kit/body.ts';
import { FormChecks } from '../kit/checks.ts';
import type { Checked } from '../kit/json-apply.ts';
import type { PortalContext } from '../kit/portal.ts';
import { FOOD_FORMATS, FOOD_ITEMS } from './lists.ts';

const INT = /^\d+$/;

/** The single-file materials: HTML name → contract id. */
export const MATERIALS = {
  jkzm: 'materials.healthCertificates',
  pmt: 'materials.layoutPlan',
  lct: 'materials.processFlow',
  zd: 'materials.safetyRules',
} as const;

/** Server-side checks of 食品经营许可 (新办) and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, body: Body): Checked {
  const check = new FormChecks(ctx, req, body);
  const { errors, files, need } = check;

  const operatorName = need('jyzmc', '请输入经营者名称');
  const creditCode = check.creditCode('tyshxydm', '统一社会信用代码校验不通过，请核对');
  const legalRep = need('fddbr', '请输入法定代表人（负责人）');
  const domicile = need('zs', '请输入住所');
  const premises = check.address(
    { region: 'jycs', street: 'jycs_xxdz' },
    {
      noRegion: '请选择经营场所所在省、市、区县',
      wrongRegion: '经营场所所在区划选择有误',
      noStreet: '请输入经营场所详细地址',
      noDoor: '经营场所须填写到门牌号或室号',
    },
  );

  const format = need('ztyt', '请选择主体业态');
  if (format && !(FOOD_FORMATS as readonly string[]).includes(format)) errors.ztyt = '主体业态选择有误';
  const items = all(body, 'jyxm').filter(Boolean);
  if (items.length === 0) errors.jyxm = '请至少勾选一项经营项目';
  else if (items.some((i) => !(FOOD_ITEMS as readonly string[]).includes(i)))
    errors.jyxm = '经营项目选择有误';
  const area = check.amount('jymj', '请输入经营面积', '经营面积');
  const seats = need('jczws', '请输入就餐座位数');
  if (seats && !INT.test(seats)) errors.jczws = '就餐座位数应为整数';
  const employees = need('cyrs', '请输入从业人员人数');
  if (employees && (!INT.test(employees) || Number(employees) < 1)) errors.cyrs = '从业人员人数应为正整数';
  check.today('sqrq', '申请日期');

  const names = all(body, 'aqgly_xm');
  const ids = all(body, 'aqgly_sfzh');
  const phones = all(body, 'aqgly_dh');
  const certificates = all(body, 'aqgly_zm');
  const managers = names.map((name, i) => {
    const idNumber = (ids[i] ?? '').toUpperCase();
    const phone = phones[i] ?? '';
    if (!name) errors[`aqgly_xm.${i}`] = '请输入姓名';
    if (!idNumber) errors[`aqgly_sfzh.${i}`] = '请输入身份证号码';
    else if (!validateIdNumber(idNumber).valid) errors[`aqgly_sfzh.${i}`] = '身份证号码校验不通过';
    if (!phone) errors[`aqgly_dh.${i}`] = '请输入联系电话';
    else if (!MOBILE.test(phone)) errors[`aqgly_dh.${i}`] = '联系电话应为11位手机号码';
    const certificate = check.upload(`aqgly_zm.${i}`, '培训合格证明', certificates[i] ?? '');
    return { name, idNumber, phone, certificate };
  });
  if (managers.length === 0) errors.aqgly = '请至少填写一名食品安全管理人员';

  for (const [name, id] of Object.entries(MATERIALS)) {
    const label = {
      jkzm: '从业人员健康证明',
      pmt: '经营场所平面布局图',
      lct: '操作流程图',
      zd: '食品安全管理制度',
    }[name as keyof typeof MATERIALS];
    check.keepUpload(id, name, label);
  }
  if (str(body, 'cn') !== '1') errors.cn = '请阅读并签署《食品经营许可告知承诺书》';

  managers.forEach((manager, i) => {
    if (manager.certificate) files[`safetyManagers[${i}].certificate`] = manager.certificate;
  });
  const fields: Record<string, unknown> = {
    operatorName,
    creditCode,
    'legalRep.name': legalRep,
    domicile,
    premises,
    format,
    items,
    area,
    seats,
    safetyManagers: managers,
    employees,
    ...Object.fromEntries(Object.values(MATERIALS).map((id) => [id, files[id]])),
  };
  return check.result(fields);
}
