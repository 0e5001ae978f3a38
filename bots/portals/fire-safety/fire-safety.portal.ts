import type { PortalDeclaration, QueryDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, label, tableReceipt, text } from '../common/standard-pages.ts';
import { applicationStep } from './application.step.ts';

/**
 * 我的申请: the account's filings by 单位名称, with the time of filing and the 备注 as typed. The brigade has
 * no 办件查询 (no look-up by reference): this list is all there is.
 */
const mine: QueryDeclaration = {
  path: '/mine',
  search: { find: { placeholder: '请输入单位名称' }, value: (values) => text(values, 'unitName') },
  byReference: { placeholder: '请输入单位名称' },
  button: button('查询'),
  tableHeader: '办件编号',
  matches: (row, values) => row['单位名称'] === text(values, 'unitName'),
  open: { role: 'link', name: '查看回执' },
  submittedColumn: '提交时间',
};

/**
 * 营业前消防安全检查 (告知承诺) on 漳州市消防救援支队's system, built on TDesign: the brigade's own login, one
 * form posted by XHR, the receipt with the 受理编号. Without 办件查询, an earlier filing is found in 我的申请
 * by the marker the runtime types into 备注 (docs/exactly-once.md).
 */
export const fireSafety: PortalDeclaration = {
  portalId: 'fire-safety',
  itemId: 'fire-safety',
  version: '2026.12',
  ui: 'tdesign',
  login: portalLogin(),
  entry: '/apply',
  steps: [applicationStep],
  submit: { button: button('提交申报'), navigates: false },
  receipt: tableReceipt({ title: '公众聚集场所投入使用、营业前消防安全检查受理回执', itemId: 'fire-safety' }),
  query: mine,
  marker: { field: label('备注'), column: '备注' },
};
