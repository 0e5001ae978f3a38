import { passwordLogin } from '../../runtime/login.ts';
import type { PortalDeclaration } from '../../runtime/types.ts';
import { button, companyQuery, label, tableReceipt } from '../common/standard-pages.ts';
import { appointmentStep } from './appointment.step.ts';

/**
 * 银行预约开户 on the banks' shared 企业开户预约 platform: username, password and a slider CAPTCHA (solved by
 * finding the gap in the picture), one form with live branch and slot lists, 校验 before 提交预约; the receipt
 * carries the 预约号 and a pre-assigned account number.
 */
export const bank: PortalDeclaration = {
  portalId: 'bank',
  itemId: 'bank-account',
  version: '2026.11',
  login: passwordLogin({
    path: '/login',
    username: label('用户名'),
    password: label('登录密码'),
    captcha: {
      kind: 'slider',
      handle: { role: 'slider', name: '拖动滑块' },
      background: { role: 'img', name: '拼图背景' },
      piece: { role: 'img', name: '拼图块' },
      passed: '验证通过',
      refresh: { title: '换一张' },
    },
    submit: button('登 录'),
    loggedIn: { role: 'link', name: '退出' },
  }),
  entry: '/appointment',
  steps: [appointmentStep],
  submit: {
    check: { button: button('校 验'), passed: '校验通过，请确认信息无误后提交' },
    button: button('提交预约'),
  },
  // The account is only assigned at the appointment, so the receipt calls it 预分配账号.
  receipt: tableReceipt({ title: '预约回执', itemId: 'bank-account', labels: { accountNo: '预分配账号' } }),
  query: companyQuery({ companyField: 'companyName' }),
};
