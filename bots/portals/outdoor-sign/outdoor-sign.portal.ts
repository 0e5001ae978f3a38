import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { applicationStep } from './application.step.ts';

/**
 * 户外招牌设置 on 漳州市城市管理局 户外招牌设置审批系统, built on Ant Design Vue: the bureau's own login, one
 * form posted by XHR, the receipt with the 受理编号, and 办件查询.
 */
export const outdoorSign: PortalDeclaration = {
  portalId: 'outdoor-sign',
  itemId: 'signboard',
  version: '2026.12',
  ui: 'antdv',
  login: portalLogin(),
  entry: '/apply',
  steps: [applicationStep],
  submit: { button: button('提交申请'), navigates: false },
  receipt: tableReceipt({ title: '户外招牌设置受理回执', itemId: 'signboard' }),
  query: companyQuery({ companyField: 'unitName' }),
};
