import type { Request } from 'express';
import { isValidCreditCode, regionFullName, regionPath, validateIdNumber } from '../../forms/codes/index.ts';
import { all, type Body, type Errors, MOBILE, str } from '../kit/body.ts';
import type { PortalContext } from '../kit/portal.ts';
import { chinaDate } from '../kit/references.ts';
import type { UploadedFileMeta } from '../kit/submissions.ts';
import { FOOD_FORMATS, FOOD_ITEMS } from './lists.ts';

const DECIMAL = /^\d+(\.\d{1,2})?$/;
const INT = /^\d+$/;

/** The single-file materials: HTML name → contract id. */
export const MATERIALS = {
  jkzm: 'materials.healthCertificates',
  pmt: 'materials.layoutPlan',
  lct: 'materials.processFlow',
  zd: 'materials.safetyRules',
} as const;

export interface Checked {
  errors: Errors;
  fields: Record<string, unknown>;
  files: Record<string, UploadedFileMeta>;
}

/** Server-side checks of 食品经营许可 (新办) and the application in contract terms. */
export function checkApplication(ctx: PortalContext, req: Request, body: Body): Checked {
  const errors: Errors = {};
  const files: Record<string, UploadedFileMeta> = {};
  const need = (name: string, message: string) => {
    const value = str(body, name);
    if (!value) errors[name] = message;
    return value;
  };
  const fileOf = (name: string, id: string, label: string) => {
    if (!id) {
      errors[name] = `请上传${label}`;
      return undefined;
    }
    const meta = ctx.takeUpload(req, id);
    if (!meta) errors[name] = `${label}已失效，请重新上传`;
    return meta;
  };

  const operatorName = need('jyzmc', '请输入经营者名称');
  const creditCode = need('tyshxydm', '请输入统一社会信用代码').toUpperCase();
  if (creditCode && !isValidCreditCode(creditCode)) errors.tyshxydm = '统一社会信用代码校验不通过，请核对';
  const legalRep = need('fddbr', '请输入法定代表人（负责人）');
  const domicile = need('zs', '请输入住所');

  const district = str(body, 'jycs_qu');
  const path = district ? regionPath(district).map((r) => r.code) : [];
  if (!district) errors.jycs_qu = '请选择经营场所所在省、市、区县';
  else if (path.length !== 3 || path[0] !== str(body, 'jycs_sheng') || path[1] !== str(body, 'jycs_shi')) {
    errors.jycs_qu = '经营场所所在区划选择有误';
  }
  const detail = need('jycs_xxdz', '请输入经营场所详细地址');
  if (detail && !/[室号]$/.test(detail)) errors.jycs_xxdz = '经营场所须填写到门牌号或室号';

  const format = need('ztyt', '请选择主体业态');
  if (format && !(FOOD_FORMATS as readonly string[]).includes(format)) errors.ztyt = '主体业态选择有误';
  const items = all(body, 'jyxm').filter(Boolean);
  if (items.length === 0) errors.jyxm = '请至少勾选一项经营项目';
  else if (items.some((i) => !(FOOD_ITEMS as readonly string[]).includes(i)))
    errors.jyxm = '经营项目选择有误';
  const area = need('jymj', '请输入经营面积');
  if (area && (!DECIMAL.test(area) || Number(area) <= 0))
    errors.jymj = '经营面积应为大于0的数字（最多两位小数）';
  const seats = need('jczws', '请输入就餐座位数');
  if (seats && !INT.test(seats)) errors.jczws = '就餐座位数应为整数';
  const employees = need('cyrs', '请输入从业人员人数');
  if (employees && (!INT.test(employees) || Number(employees) < 1)) errors.cyrs = '从业人员人数应为正整数';
  const date = need('sqrq', '请选择申请日期');
  if (date && date !== chinaDate(ctx.now())) errors.sqrq = '申请日期应为当天';

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
    const certificate = fileOf(`aqgly_zm.${i}`, certificates[i] ?? '', '培训合格证明');
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
    const meta = fileOf(name, str(body, name), label);
    if (meta) files[id] = meta;
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
    premises: `${regionFullName(district) ?? ''}${detail}`,
    format,
    items,
    area,
    seats,
    safetyManagers: managers,
    employees,
    ...Object.fromEntries(Object.values(MATERIALS).map((id) => [id, files[id]])),
  };
  return { errors, fields, files };
}
