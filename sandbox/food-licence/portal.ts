import { packageFolder } from '../kit/assets.ts';
import { mountLibraryPages } from '../kit/library-pages.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { luhnCheckDigit, referenceNumber, validUntil } from '../kit/references.ts';
import { MB } from '../kit/uploads.ts';
import { itemId } from './form-manifest.ts';
import { APPLY_BODY, HOME_BODY, LAYUI_BASE, layuiDocument } from './page.ts';
import { checkApplication } from './validate.ts';

/** layui's distribution as npm ships it (layui.js, css/layui.css, font/): served unchanged. */
const LIBRARIES = { [LAYUI_BASE]: packageFolder('layui', 'dist') };

const FORMAT_DIGIT: Record<string, string> = { 食品销售经营者: '1', 餐饮服务经营者: '2', 单位食堂: '3' };

/**
 * 食品经营许可证编号: JY, the 主体业态 digit, the district of the premises, a serial and a check digit
 * (JY2 350603 000123 7), valid five years.
 */
function licenceNumber(ctx: PortalContext, format: string, district: string): string {
  const serial = String(ctx.store.nextSequence('licence')).padStart(6, '0');
  const digits = `${FORMAT_DIGIT[format] ?? '2'}${district}${serial}`;
  return `JY${digits}${luhnCheckDigit(digits)}`;
}

const material = { accept: { jpg: 5 * MB, png: 5 * MB, pdf: 5 * MB } };

/**
 * 食品经营许可 (新办) on 漳州市市场监督管理局 食品经营许可网上申报系统, a system built on layui 2.13: its
 * own login (the kit's), the form as a layui page (searchable and body-appended selects for 省/市/区, radio
 * and checkbox skins, laydate, layui.upload, a table of 食品安全管理人员 with 添加/删除, a layer notice that
 * must be read to its end before it can be signed). It posts by XHR; 办件查询 is the kit's 我的办件.
 * Approved at once (告知承诺制): the receipt carries the 食品经营许可证编号.
 */
export const foodLicencePortal: PortalDefinition = {
  id: 'food-licence',
  item: itemId,
  itemName: '食品经营许可',
  cookieName: 'SCJG_SPJY_SID',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  receiptLabels: { licenceNo: '食品经营许可证编号', validUntil: '有效期至' },
  uploads: {
    jkzm: { label: '从业人员健康证明', ...material },
    pmt: { label: '经营场所平面布局图', ...material },
    lct: { label: '操作流程图', ...material },
    zd: { label: '食品安全管理制度', ...material },
    aqgly_zm: { label: '培训合格证明', ...material },
  },
  libraries: LIBRARIES,
  chrome: {
    department: '漳州市市场监督管理局',
    systemName: '食品经营许可网上申报系统',
    primary: '#1e9fff',
    hotline: '投诉举报：12315',
    nav: [
      { href: '/', label: '首页' },
      { href: '/apply', label: '食品经营许可申请' },
      { href: '/query', label: '办件查询' },
    ],
    footer: '漳州市市场监督管理局',
  },
  mount(router, ctx) {
    mountLibraryPages(router, ctx, {
      document: layuiDocument,
      home: HOME_BODY,
      form: { title: '食品经营许可申请', body: APPLY_BODY },
      application: {
        check: (req, body) => checkApplication(ctx, req, body),
        accept: ({ fields }, body, now) => ({
          reference: referenceNumber('SP', ctx.store.nextSequence('reference'), 6, now),
          company: String(fields.operatorName),
          statusText: '准予许可',
          receipt: {
            licenceNo: licenceNumber(ctx, String(fields.format), String(body.jycs_qu)),
            validUntil: validUntil(now, 5),
          },
        }),
      },
    });
  },
};
