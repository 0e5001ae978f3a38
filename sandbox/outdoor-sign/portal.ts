import { packageFolder } from '../kit/assets.ts';
import { mountLibraryPages } from '../kit/library-pages.ts';
import type { PortalDefinition } from '../kit/portal.ts';
import { chinaDateDigits, referenceNumber, validUntil } from '../kit/references.ts';
import { MB } from '../kit/uploads.ts';
import { itemId } from './form-manifest.ts';
import { APPLY_BODY, antdDocument, HOME_BODY, LIB_BASE } from './page.ts';
import { checkApplication } from './validate.ts';

/** The libraries' own files as npm ships them, served unchanged: no bundler, no copies. */
const LIBRARIES = {
  [`${LIB_BASE}/vue`]: packageFolder('vue', 'dist'),
  [`${LIB_BASE}/antd`]: packageFolder('ant-design-vue', 'dist'),
  [`${LIB_BASE}/dayjs`]: packageFolder('dayjs'),
};

/**
 * 户外招牌设置 on 漳州市城市管理局 户外招牌设置审批系统, a system built on Ant Design Vue 4 (Vue 3, dayjs,
 * zh_CN): its own login (the kit's), the form as a Vue app of antd components — a cascader of 省/市/区 whose
 * columns load one by one and open in a menu teleported to <body>, a searchable select of materials, radios,
 * a-upload, a month picker and a date picker, a checkbox group of pledges and a modal 承诺书 over the filled
 * form. It posts by XHR; 办件查询 is the kit's 我的办件. Accepted at once (告知承诺制) with a 受理编号.
 */
export const outdoorSignPortal: PortalDefinition = {
  id: 'outdoor-sign',
  item: itemId,
  itemName: '户外招牌设置',
  cookieName: 'CGJ_ZPSZ_SESSION',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  receiptLabels: { acceptanceNo: '受理编号', validUntil: '设置期限至' },
  uploads: { xgt: { label: '效果图', accept: { jpg: 10 * MB, png: 10 * MB, pdf: 10 * MB } } },
  libraries: LIBRARIES,
  chrome: {
    department: '漳州市城市管理局',
    systemName: '户外招牌设置审批系统',
    primary: '#1677ff',
    hotline: '城管热线：12319',
    nav: [
      { href: '/', label: '首页' },
      { href: '/apply', label: '户外招牌设置申请' },
      { href: '/query', label: '办件查询' },
    ],
    footer: '漳州市城市管理局',
  },
  mount(router, ctx) {
    mountLibraryPages(router, ctx, {
      document: antdDocument,
      home: HOME_BODY,
      form: { title: '户外招牌设置申请', body: APPLY_BODY },
      application: {
        check: (req, body) => checkApplication(ctx, req, body),
        accept: (checked, _body, now) => {
          const serial = String(ctx.store.nextSequence('acceptance')).padStart(4, '0');
          return {
            reference: referenceNumber('ZP', ctx.store.nextSequence('reference'), 6, now),
            company: String(checked.fields.unitName),
            statusText: '已受理（告知承诺）',
            // A signboard may stay up for three years; then the permit is renewed.
            receipt: { acceptanceNo: `ZPSL${chinaDateDigits(now)}${serial}`, validUntil: validUntil(now, 3) },
          };
        },
      },
    });
  },
};
