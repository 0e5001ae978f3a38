import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { filingStep } from './filing.step.ts';

/**
 * 公章刻制备案 on 漳州市公安局 印章治安管理信息系统: the bureau's own login, one form with five seal rows and an
 * SMS code to the 经办人, filed at once with a 13-digit 备案编码 per seal on the receipt.
 */
export const publicSecurity: PortalDeclaration = {
  portalId: 'public-security',
  itemId: 'seal-engraving',
  version: '2026.11',
  login: portalLogin(),
  entry: '/seal/apply',
  steps: [filingStep],
  submit: { button: button('提交备案') },
  receipt: tableReceipt({ title: '公章刻制备案回执', itemId: 'seal-engraving' }),
  query: companyQuery({ companyField: 'unitName' }),
};
