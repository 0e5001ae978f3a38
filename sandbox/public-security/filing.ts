/**
 * The bureau's server-side review of a 公章刻制备案 form: every field checked with a message beside it, the unit
 * checked against the market regulator's register (name, legal representative), and the form normalised to
 * the contract ids of docs/item-fields.md (seal-engraving).
 */

import { validateCreditCode } from '../../forms/codes/index.ts';
import { type Body, type Errors, rowIndexes, str } from '../kit/body.ts';
import { labelOf } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { RegisteredCompany } from '../kit/registry.ts';
import { checkIdNumber, checkMobile, filled } from './checks.ts';
import { engraversIn } from './engravers.ts';
import { MATERIALS, PICKUP_METHODS, SEAL_TYPES, SIZES, SIZES_BY_TYPE, UNIT_TYPES } from './lists.ts';

export interface SealRow {
  type: string;
  text: string;
  material: string;
  size: string;
  quantity: string;
}

export interface CheckedFiling {
  errors: Errors;
  company?: RegisteredCompany;
  fields: Record<string, unknown>;
  seals: SealRow[];
}

/** Where the bureau looks a unit up: the register shared by market regulation (no lag for this bureau). */
export function registeredUnit(ctx: PortalContext, creditCode: string): RegisteredCompany | undefined {
  const lookup = ctx.shared.registry.lookup(creditCode, 0);
  return lookup.status === 'known' ? lookup.company : undefined;
}

/** A textarea posts CRLF; the 印文's lines are compared and reported with LF. */
const lines = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** The 印文 each seal type must carry (发票专用章: the name, then the 税号 on the second line). */
export function expectedSealText(
  type: string,
  unitName: string,
  creditCode: string,
  legalRep: string,
): string {
  if (type === '03') return `${unitName}\n${creditCode}`;
  if (type === '05') return legalRep;
  return unitName;
}

function checkUnit(body: Body, ctx: PortalContext, errors: Errors): RegisteredCompany | undefined {
  const code = str(body, 'tyshxydm').toUpperCase();
  if (!filled(errors, 'tyshxydm', code, '统一社会信用代码')) return undefined;
  const check = validateCreditCode(code);
  if (!check.valid) {
    errors.tyshxydm =
      check.problem === 'checkChar' || check.problem === 'orgCheck'
        ? '统一社会信用代码校验位不正确，请核对营业执照'
        : '统一社会信用代码应为18位数字或大写字母';
    return undefined;
  }
  const company = registeredUnit(ctx, code);
  if (!company) {
    errors.tyshxydm = '未查询到该统一社会信用代码的工商登记信息，请确认已领取营业执照';
    return undefined;
  }
  const name = str(body, 'dwmc');
  if (filled(errors, 'dwmc', name, '单位名称') && name !== company.name) {
    errors.dwmc = '单位名称与营业执照登记名称不一致';
  }
  return company;
}

function checkSeals(
  body: Body,
  errors: Errors,
  unit: { name: string; code: string; legalRep: string },
): SealRow[] {
  const indexes = rowIndexes(body, 'yz');
  if (indexes.length === 0) errors.yz = '请至少添加一枚印章';
  const seen = new Set<string>();
  const seals = indexes.map((i) => {
    const name = (key: string) => `yz[${i}][${key}]`;
    const type = str(body, name('yzlx'));
    const rawText = str(body, name('yw'));
    const material = str(body, name('cz'));
    const size = str(body, name('gg'));
    const quantity = str(body, name('sl'));
    const typeLabel = labelOf(SEAL_TYPES, type);
    if (!filled(errors, name('yzlx'), type, '印章类型', '选择')) {
      /* reported */
    } else if (!typeLabel) errors[name('yzlx')] = '印章类型不正确';
    else if (seen.has(type)) errors[name('yzlx')] = `印章类型重复：${typeLabel}只能刻制一枚（数量另填）`;
    seen.add(type);
    const text = lines(rawText);
    if (filled(errors, name('yw'), text, '印文') && typeLabel && !errors.dwmc && !errors.tyshxydm) {
      const expected = expectedSealText(type, unit.name, unit.code, unit.legalRep);
      if (text !== expected) {
        errors[name('yw')] =
          type === '03'
            ? '发票专用章印文应为单位名称，第二行为税号（统一社会信用代码）'
            : type === '05'
              ? '法定代表人名章印文应为法定代表人姓名'
              : '印文应与营业执照登记的单位名称一致';
      }
    }
    if (filled(errors, name('cz'), material, '材质', '选择') && !labelOf(MATERIALS, material)) {
      errors[name('cz')] = '材质不正确';
    }
    if (filled(errors, name('gg'), size, '规格', '选择')) {
      if (!SIZES.some((option) => option.value === size)) errors[name('gg')] = '规格不正确';
      else if (typeLabel && !SIZES_BY_TYPE[type]?.includes(size)) {
        errors[name('gg')] = `${typeLabel}的规格应为${SIZES_BY_TYPE[type]?.join('或') ?? ''}`;
      }
    }
    if (filled(errors, name('sl'), quantity, '数量') && !/^[1-5]$/.test(quantity)) {
      errors[name('sl')] = '数量应为1至5的整数';
    }
    return {
      type,
      text,
      material: labelOf(MATERIALS, material) ?? material,
      size,
      quantity,
    };
  });
  if (seals.length > 0 && !seen.has('01')) errors.yz = '新刻印章应包含单位公章';
  return seals;
}

/** Checks the whole form; `fields` is complete only when `errors` is empty. */
export function checkFiling(body: Body, ctx: PortalContext): CheckedFiling {
  const errors: Errors = {};
  const company = checkUnit(body, ctx, errors);
  const unitType = str(body, 'dwlx');
  if (filled(errors, 'dwlx', unitType, '单位类型', '选择') && !labelOf(UNIT_TYPES, unitType)) {
    errors.dwlx = '单位类型不正确';
  }
  const address = str(body, 'dwdz');
  if (filled(errors, 'dwdz', address, '单位地址') && [...address].length > 200) {
    errors.dwdz = '单位地址不能超过200个字';
  }
  const legalName = str(body, 'fddbr_xm');
  filled(errors, 'fddbr_xm', legalName, '法定代表人姓名');
  const legalId = checkIdNumber(errors, 'fddbr_zjhm', str(body, 'fddbr_zjhm'), '法定代表人证件号码');
  if (company && legalName && !errors.fddbr_xm && legalName !== company.legalRepName) {
    errors.fddbr_xm = '法定代表人姓名与工商登记信息不一致';
  }
  if (company && legalId && !errors.fddbr_zjhm && legalId !== company.legalRepIdNumber) {
    errors.fddbr_zjhm = '法定代表人证件号码与工商登记信息不一致';
  }
  checkMobile(errors, 'fddbr_sjhm', str(body, 'fddbr_sjhm'), '法定代表人手机');
  filled(errors, 'jbr_xm', str(body, 'jbr_xm'), '经办人姓名');
  const agentId = checkIdNumber(errors, 'jbr_zjhm', str(body, 'jbr_zjhm'), '经办人证件号码');
  checkMobile(errors, 'jbr_sjhm', str(body, 'jbr_sjhm'), '经办人手机');

  const unitName = str(body, 'dwmc');
  const code = str(body, 'tyshxydm').toUpperCase();
  const seals = checkSeals(body, errors, { name: unitName, code, legalRep: legalName });

  const engraverId = str(body, 'kzqy');
  const engraver = company ? engraversIn(company.regionCode).find((e) => e.id === engraverId) : undefined;
  if (filled(errors, 'kzqy', engraverId, '刻章企业', '选择') && company && !engraver) {
    errors.kzqy = '请选择本辖区已备案的刻章企业';
  }
  const pickup = str(body, 'lqfs');
  if (filled(errors, 'lqfs', pickup, '领取方式', '选择') && !labelOf(PICKUP_METHODS, pickup)) {
    errors.lqfs = '领取方式不正确';
  }
  const mailTo = str(body, 'yjdz');
  if (pickup === '2') filled(errors, 'yjdz', mailTo, '邮寄地址');
  const smsCode = str(body, 'dxyzm');
  if (filled(errors, 'dxyzm', smsCode, '短信验证码') && !/^\d{6}$/.test(smsCode)) {
    errors.dxyzm = '短信验证码应为6位数字';
  }

  const fields: Record<string, unknown> = {
    unitName,
    creditCode: code,
    unitType: labelOf(UNIT_TYPES, unitType) ?? unitType,
    unitAddress: address,
    'legalRep.name': legalName,
    'legalRep.idNumber': legalId,
    'legalRep.mobile': str(body, 'fddbr_sjhm'),
    'agent.name': str(body, 'jbr_xm'),
    'agent.idNumber': agentId,
    'agent.mobile': str(body, 'jbr_sjhm'),
    seals,
    engravingCompany: engraver?.name ?? engraverId,
    'pickup.method': pickup,
    ...(pickup === '2' ? { 'pickup.address': mailTo } : {}),
    smsCode,
  };
  return { errors, ...(company ? { company } : {}), fields, seals };
}
