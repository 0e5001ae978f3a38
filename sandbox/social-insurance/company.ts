import { validateCreditCode } from '../../forms/codes/index.ts';
import type { Errors } from '../kit/body.ts';
import type { PortalContext } from '../kit/portal.ts';
import { NOT_YET_SHARED_MESSAGE, type RegisteredCompany } from '../kit/registry.ts';

export type CompanyCheck =
  | { ok: true; company: RegisteredCompany }
  | { ok: false; errors: Errors; notYetShared?: boolean };

/**
 * 单位信息核验: the agency only registers a unit the market regulator has shared with it. The credit code
 * must be well formed (GB 32100 check character), known to the exchange after this agency's sync lag, and
 * the name must be the registered one. Errors are keyed by the form's HTML names (aab998, aab004).
 */
export function checkCompany(ctx: PortalContext, creditCode: string, unitName: string): CompanyCheck {
  const errors: Errors = {};
  const code = creditCode.toUpperCase();
  if (code === '') errors.aab998 = '请填写统一社会信用代码';
  else {
    const check = validateCreditCode(code);
    if (!check.valid) {
      errors.aab998 =
        check.problem === 'length'
          ? '统一社会信用代码应为18位'
          : check.problem === 'charset'
            ? '统一社会信用代码含有非法字符（不使用I、O、Z、S、V）'
            : '统一社会信用代码校验位错误，请核对营业执照';
    }
  }
  if (unitName === '') errors.aab004 = '请填写单位名称';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const lookup = ctx.shared.registry.lookup(code, ctx.faults.settings.syncLagMs);
  if (lookup.status === 'unknown') {
    return { ok: false, errors: { aab998: '未查询到该单位的工商登记信息，请核实统一社会信用代码' } };
  }
  if (lookup.status === 'not-yet-shared') {
    return { ok: false, errors: { aab998: NOT_YET_SHARED_MESSAGE }, notYetShared: true };
  }
  if (lookup.company.name !== unitName) {
    return { ok: false, errors: { aab004: '单位名称与工商登记信息不一致，请按营业执照填写' } };
  }
  return { ok: true, company: lookup.company };
}
