import { formLogin } from '../../runtime/login.ts';
import type { PortalDeclaration } from '../../runtime/types.ts';
import { button, companyQuery, label, tableReceipt } from '../common/standard-pages.ts';
import { infoStep } from './info.step.ts';
import { confirmStep, depositStep, generalTaxpayerStep, invoiceStep } from './others.step.ts';

/**
 * 新办纳税人涉税事项 on 福建省电子税务局: logged in by 纳税人识别号 + 名称 + 法定代表人证件号码 (refused with
 * "工商信息尚未共享" while the registration has not reached the tax side), four steps, then 检查 and 提交.
 */
export const tax: PortalDeclaration = {
  portalId: 'tax',
  itemId: 'tax-registration',
  version: '2026.11',
  login: formLogin({
    path: '/login',
    fields: [
      { field: 'login.taxpayerId', find: label('纳税人识别号') },
      { field: 'login.taxpayerName', find: label('纳税人名称') },
      { field: 'login.legalRepIdNumber', find: label('法定代表人证件号码') },
    ],
    submit: button('登录'),
    loggedIn: { role: 'link', name: '退出' },
  }),
  entry: '/xbnsr',
  steps: [infoStep, generalTaxpayerStep, invoiceStep, depositStep, confirmStep],
  submit: { check: { button: button('检 查'), passed: '检查通过，可以提交' }, button: button('提 交') },
  receipt: tableReceipt({ title: '受理回执', itemId: 'tax-registration' }),
  query: companyQuery({ companyField: 'login.taxpayerName' }),
  // The registration has not reached the tax side yet: only time fixes it, so the queue tries again later.
  notLocalTexts: ['工商信息尚未共享'],
};
