import type { PortalDeclaration } from '../../runtime/types.ts';
import { portalLogin } from '../common/portal-login.ts';
import { button, companyQuery, tableReceipt } from '../common/standard-pages.ts';
import { depositStep } from './deposit.step.ts';
import { materialsStep } from './materials.step.ts';
import { unitStep } from './unit.step.ts';

/**
 * 住房公积金单位缴存登记 on 漳州市住房公积金中心 网上业务大厅: the centre's own login, a three-step 开户 wizard
 * (unequal rates raise a warning that wants 继续), a timed 承诺书, the 单位公积金账号 on the receipt at once.
 */
export const housingFund: PortalDeclaration = {
  portalId: 'housing-fund',
  itemId: 'housing-fund',
  version: '2026.11',
  login: portalLogin(),
  entry: '/open/new',
  steps: [unitStep, depositStep, materialsStep],
  submit: { button: button('提交申请') },
  receipt: tableReceipt({ title: '开户回执', itemId: 'housing-fund' }),
  query: companyQuery({ companyField: 'unitName' }),
};
