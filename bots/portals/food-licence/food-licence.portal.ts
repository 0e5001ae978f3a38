import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { applicationStep } from './application.step.ts';

/**
 * 食品经营许可 (新办) on 漳州市市场监督管理局 食品经营许可网上申报系统, built on layui: the bureau's own
 * login, one form posted by XHR, the receipt with the 食品经营许可证编号, and 办件查询.
 */
export const foodLicence: PortalDeclaration = {
  portalId: 'food-licence',
  itemId: 'food-business-licence',
  version: '2026.12',
  ui: 'layui',
  login: portalLogin(),
  entry: '/apply',
  steps: [applicationStep],
  submit: { button: button('提交申请'), navigates: false },
  receipt: tableReceipt({ title: '食品经营许可受理回执', itemId: 'food-business-licence' }),
  query: companyQuery({ companyField: 'operatorName' }),
};
