import { packageFolder } from '../kit/assets.ts';
import { mountLibraryPages } from '../kit/library-pages.ts';
import type { PortalDefinition } from '../kit/portal.ts';
import { referenceNumber } from '../kit/references.ts';
import { MB } from '../kit/uploads.ts';
import { itemId } from './form-manifest.ts';
import { minePage } from './mine-page.ts';
import { APPLY_BODY, HOME_BODY, TDESIGN_BASE, tdesignDocument, VUE_BASE } from './page.ts';
import { checkApplication } from './validate.ts';

/** The distributions as npm ships them: vue.global.prod.js, tdesign.min.js and tdesign.min.css, unchanged. */
const LIBRARIES = {
  [VUE_BASE]: packageFolder('vue', 'dist'),
  [TDESIGN_BASE]: packageFolder('tdesign-vue-next', 'dist'),
};

/**
 * 公众聚集场所投入使用、营业前消防安全检查 (告知承诺) on 漳州市消防救援支队's system, built on TDesign
 * (tdesign-vue-next on Vue 3): its own login (the kit's), one form of TDesign components (a filterable select
 * and a cascader whose menus are teleported to <body>, a date picker, t-upload, radios, a dialog over the
 * filled form to sign the 承诺书, an alert), posted as JSON. It has NO 办件查询: only 我的申请, a list of
 * this account's filings with their 备注. Accepted at once (告知承诺制): the receipt carries the 受理编号.
 */
export const fireSafetyPortal: PortalDefinition = {
  id: 'fire-safety',
  item: itemId,
  itemName: '公众聚集场所投入使用、营业前消防安全检查',
  cookieName: 'XFJY_SESSION',
  login: 'kit',
  query: false,
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  receiptLabels: { acceptanceNo: '受理编号', validity: '有效期限' },
  uploads: { pmt: { label: '消防设施平面图', accept: { jpg: 5 * MB, png: 5 * MB, pdf: 10 * MB } } },
  libraries: LIBRARIES,
  chrome: {
    department: '漳州市消防救援支队',
    systemName: '消防安全检查网上办理',
    primary: '#c9302c',
    hotline: '火警：119',
    nav: [
      { href: '/', label: '首页' },
      { href: '/apply', label: '告知承诺申报' },
      { href: '/mine', label: '我的申请' },
    ],
    footer: '漳州市消防救援支队',
  },
  mount(router, ctx) {
    mountLibraryPages(router, ctx, {
      document: tdesignDocument,
      home: HOME_BODY,
      form: { title: '告知承诺申报', body: APPLY_BODY },
      application: {
        read: (req) =>
          Object.fromEntries(
            Object.entries((req.body ?? {}) as Record<string, unknown>).filter(
              ([, v]) => typeof v === 'string',
            ),
          ) as Record<string, string>,
        check: (req, body) => checkApplication(ctx, req, body),
        accept: (checked, _body, now) => {
          const sequence = ctx.store.nextSequence('reference');
          return {
            reference: referenceNumber('XF', sequence, 6, now),
            company: String(checked.fields.unitName),
            statusText: '已受理（告知承诺）',
            receipt: {
              acceptanceNo: `漳消承受字〔${now.getFullYear()}〕第${String(sequence).padStart(4, '0')}号`,
              // The 合格证 of a 告知承诺 has no end date: it stands while the venue is used as declared.
              validity: '长期',
            },
          };
        },
      },
    });
    router.get('/mine', ctx.requireLogin, (req, res) => void res.send(minePage(ctx, req)));
  },
};
