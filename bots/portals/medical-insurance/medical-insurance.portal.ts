import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { applicationStep } from './application.step.ts';

/**
 * 单位医疗保险登记 on 漳州市医疗保障局 网上服务大厅: the bureau's own login; the form lives in an iframe and
 * posts by XHR (errors come back beside the fields without leaving the page); the receipt shows the
 * 单位医保编号.
 */
export const medicalInsurance: PortalDeclaration = {
  portalId: 'medical-insurance',
  itemId: 'medical-insurance',
  version: '2026.11',
  login: portalLogin(),
  entry: '/apply',
  steps: [applicationStep],
  submit: { button: button('提 交'), navigates: false },
  receipt: tableReceipt({ title: '业务回执', itemId: 'medical-insurance' }),
  query: companyQuery({ companyField: 'unitName' }),
};
