import type { PortalDeclaration } from '../../runtime/types.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { unifiedLogin } from '../common/unified-login.ts';
import { basicStep } from './basic.step.ts';
import { capitalStep } from './capital.step.ts';
import { materialsStep } from './materials.step.ts';
import { membersStep } from './members.step.ts';
import { scopeStep } from './scope.step.ts';

/**
 * 企业设立登记 on 福建省市场监督管理局 企业登记网上服务平台: unified login with an image CAPTCHA, a five-step
 * wizard (the first save asks to 继续), a receipt with the 受理编号; the credit code, 成立日期 and 登记机关
 * follow after the registrar's review (read by follow-up from 我的办件).
 */
export const marketRegulation: PortalDeclaration = {
  portalId: 'market-regulation',
  itemId: 'business-registration',
  version: '2026.11',
  login: unifiedLogin(),
  entry: '/apply/new',
  steps: [basicStep, scopeStep, membersStep, capitalStep, materialsStep],
  submit: { button: button('提交申请') },
  receipt: tableReceipt({
    title: '受理回执',
    itemId: 'business-registration',
    awaiting: (outputs) => !outputs.creditCode,
  }),
  query: companyQuery({ companyField: 'companyName' }),
};
