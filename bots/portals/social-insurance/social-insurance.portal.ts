import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { registerStep } from './register.step.ts';
import { verifyStep } from './verify.step.ts';

/**
 * 单位社会保险登记 on 漳州市人社局 社会保险网上经办系统: an older table-layout system (labels in header
 * cells); the unit is verified against the shared registration first (sync lag), the form's first save may
 * warn and want 继续, 参保日期 is written yyyyMMdd; the 单位社保编号 is on the receipt at once.
 */
export const socialInsurance: PortalDeclaration = {
  portalId: 'social-insurance',
  itemId: 'social-insurance',
  version: '2026.11',
  login: portalLogin(),
  entry: '/register',
  steps: [verifyStep, registerStep],
  submit: { button: button('保存') },
  receipt: tableReceipt({ title: '参保登记回执', itemId: 'social-insurance' }),
  query: companyQuery({ companyField: 'unitName' }),
};
